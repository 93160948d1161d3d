// Small browser helpers the admin calls over the circuit. Anything that is a rule lives on the server.
window.newsCmsAdmin = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  copyText: (text) => navigator.clipboard.writeText(text),
  // The size an element is drawn at, for turning a click's offset into fractions of it.
  sizeOf: (element) => { const box = element.getBoundingClientRect(); return [box.width, box.height]; },
};
