import type { PlaygroundConfigOptions } from './playgroundConfig';

/**
 * The people `npm start` puts in the Agents Playground: a made-up trust's migration team, so that what a newcomer
 * sees reads like the real thing (the bot is called Gateway, the team is the project team). All names are fictional.
 */
export const DEMO_TEAM: PlaygroundConfigOptions = {
  currentUser: { id: 'demo-sam', name: 'Sam Patel', userPrincipalName: 'sam.patel@nhs.net', email: 'sam.patel@nhs.net' },
  users: [
    { id: 'demo-alex', name: 'Alex Morgan', userPrincipalName: 'alex.morgan@nhs.net', email: 'alex.morgan@nhs.net' },
    { id: 'demo-priya', name: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net', email: 'priya.shah@nhs.net' },
    { id: 'demo-tom', name: 'Tom Evans', userPrincipalName: 'tom.evans@nhs.net', email: 'tom.evans@nhs.net' },
    { id: 'demo-grace', name: 'Grace Okafor', userPrincipalName: 'grace.okafor@nhs.net', email: 'grace.okafor@nhs.net' },
    { id: 'demo-rhys', name: 'Rhys Jones', userPrincipalName: 'rhys.jones@nhs.net', email: 'rhys.jones@nhs.net' },
  ],
  bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Gateway' },
  teamName: 'NHSmail migration project',
};
