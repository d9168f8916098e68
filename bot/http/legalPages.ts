import type { Request, Response } from 'restify';

/**
 * GET /privacy and GET /terms: the pages the Teams manifest links to (Teams requires both links, and shows them on the
 * app's details). Served by the bot itself so the links answer wherever it is deployed, without a separate website.
 * Plain HTML with no scripts, styles from one inline block, and nothing that depends on who asks.
 */

const STYLE = 'body{font-family:Arial,Helvetica,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#212b32}h1{color:#005eb8}h2{margin-top:2rem}';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}

export const PRIVACY_PAGE = page(
  'Gateway: privacy notice',
  `<p>Gateway is a Microsoft Teams assistant that helps an NHS organisation's project team move its email to NHSmail.
It is run by your organisation, in your organisation's own Microsoft Azure subscription. Your organisation is the data
controller: ask its information governance team or data protection officer about anything on this page.</p>

<h2>What Gateway keeps</h2>
<ul>
<li>Your name and your Microsoft Teams and Microsoft Entra ID identifiers, as Teams gives them to Gateway, when you
are on a migration project's team, hold a role on it, own a checklist item or a risk, or use Gateway.</li>
<li>The role you hold on a project (for example project manager or senior responsible owner).</li>
<li>What you record: checklist changes, notes, evidence links, questionnaire answers, risks and issues, decisions and
milestones, each with who made it and when. This history is kept so the project can show what was decided.</li>
<li>How to reach you in Teams (the chat or channel Gateway last heard from you in), so it can send you a reminder or
the weekly report.</li>
<li>A short-lived record of a conversation in progress (for example where you are in a walkthrough).</li>
</ul>
<p>Gateway does not read your email. It keeps what you enter as a project record (above), not a transcript of your chats
with it. Its technical logs hold identifiers only, never names, email addresses or what you typed.</p>

<h2>Where and for how long</h2>
<p>Records are kept in Azure Cosmos DB in the region your organisation chose when it set Gateway up, and are kept for as
long as the migration project exists, unless your organisation deletes them sooner. Your organisation decides how long
to keep them after the migration ends.</p>

<h2>Who can see it</h2>
<p>People on a project's team in Teams, and people given a role on the project, can see that project. Nobody else can,
including other organisations in the same Teams tenant.</p>

<h2>Your rights</h2>
<p>To see, correct or delete what Gateway holds about you, contact your organisation's information governance team or
data protection officer.</p>
`,
);

export const TERMS_PAGE = page(
  'Gateway: terms of use',
  `<p>Gateway is provided by your organisation to its staff to run its NHSmail migration project in Microsoft Teams.
Use it under your organisation's usual acceptable use and information governance policies.</p>
<ul>
<li>Gateway follows NHS Digital's <em>Organisation self-migration guide</em> to help you plan and track the work. It
does not migrate anyone's email and does not change anything in NHSmail or your email system.</li>
<li>Decisions recorded in Gateway (sign-offs, go or no-go) are your project's decisions; Gateway keeps them and shows
what is still open, but it is not a substitute for the checks your organisation and NHS England require.</li>
<li>Do not put patient information in notes, risks or questionnaire answers.</li>
<li>Questions about Gateway in your organisation go to the team that installed it (usually IT or the migration project
team).</li>
</ul>
`,
);

/** A handler that sends one fixed HTML page. */
export function htmlPage(html: string): (req: Request, res: Response) => Promise<void> {
  const body = Buffer.from(html, 'utf8');
  return (_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'public, max-age=3600',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
    return Promise.resolve();
  };
}
