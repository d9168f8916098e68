// Preloaded (node -r) into the Agents Playground. The playground listens on every network interface and has no
// option to choose, while the bot behind it is unauthenticated in local mode: anyone on the same network could talk
// to the bot through it. A listen() that names no host is bound to loopback instead.
'use strict';
const net = require('node:net');

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const portOnly = (typeof first === 'number' || typeof first === 'string') && /^\d+$/.test(String(first));
  if (portOnly && (args.length === 1 || typeof second === 'function')) args.splice(1, 0, '127.0.0.1');
  return originalListen.apply(this, args);
};
