// Small browser helpers the admin calls over the circuit. Anything that is a rule lives on the server.
window.newsCmsAdmin = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  copyText: (text) => navigator.clipboard.writeText(text),
};
