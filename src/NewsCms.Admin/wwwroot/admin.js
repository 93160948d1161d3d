// Small browser helpers the admin calls over the circuit. Anything that is a rule lives on the server.
(() => {
  // WebAuthn speaks ArrayBuffers; the server's JSON speaks base64url (RFC 4648 §5, no padding).
  const fromBase64Url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + (4 - base64.length % 4) % 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };
  const toBase64Url = (buffer) => {
    if (!buffer) {
      return undefined;
    }
    let binary = '';
    for (const byte of new Uint8Array(buffer)) {
      binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const withIds = (credentials) => (credentials ?? []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));

  // The antiforgery token travels in the header ASP.NET Core's antiforgery reads by default.
  const post = async (url, token, body) => {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'RequestVerificationToken': token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw Object.assign(new Error(answer.message ?? `The server answered ${response.status}.`), { problem: answer });
    }
    return answer;
  };

  const credentialJson = (credential) => JSON.stringify({
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: credential.response instanceof AuthenticatorAttestationResponse
      ? {
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        attestationObject: toBase64Url(credential.response.attestationObject),
        transports: credential.response.getTransports?.() ?? [],
      }
      : {
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        signature: toBase64Url(credential.response.signature),
        userHandle: toBase64Url(credential.response.userHandle),
      },
  });

  // A refusal the desk can show: the server's problem, or the browser's reason in plain words.
  const problemOf = (error) => error.problem?.code
    ? error.problem
    : {
      code: 'Validation',
      message: error.name === 'NotAllowedError'
        ? 'No passkey was made or chosen: the request was cancelled or timed out.'
        : error.name === 'InvalidStateError'
          ? 'This device already holds a passkey for your account.'
          : error.message,
      fieldErrors: {},
    };

  const passkeysSupported = () => typeof window.PublicKeyCredential !== 'undefined' && !!navigator.credentials;

  window.newsCmsAdmin = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    copyText: (text) => navigator.clipboard.writeText(text),
    // The size an element is drawn at, for turning a click's offset into fractions of it.
    sizeOf: (element) => { const box = element.getBoundingClientRect(); return [box.width, box.height]; },

    /** Creates a passkey on this device and registers it under `name`; answers { ok } or { ok: false, problem }. */
    registerPasskey: async (name, token) => {
      try {
        if (!passkeysSupported()) {
          throw new Error('This browser cannot make passkeys.');
        }
        const options = await post('/admin/account/passkeys/creation-options', token);
        const credential = await navigator.credentials.create({
          publicKey: {
            ...options,
            challenge: fromBase64Url(options.challenge),
            user: { ...options.user, id: fromBase64Url(options.user.id) },
            excludeCredentials: withIds(options.excludeCredentials),
          },
        });
        await post('/admin/account/passkeys', token, { credentialJson: credentialJson(credential), name });
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: problemOf(error) };
      }
    },
  };

  // The sign-in page is a plain server-rendered form: the button asks the authenticator for any of its passkeys for
  // this site, then posts the signed answer with the form, where the server checks it and sets the staff cookie.
  document.addEventListener('click', async (event) => {
    const button = event.target.closest?.('[data-passkey-sign-in]');
    if (!button) {
      return;
    }
    const form = button.form;
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    try {
      if (!passkeysSupported()) {
        throw new Error('This browser cannot sign in with a passkey.');
      }
      button.disabled = true;
      const options = await post('/admin/account/passkeys/request-options', token);
      const credential = await navigator.credentials.get({
        publicKey: { ...options, challenge: fromBase64Url(options.challenge), allowCredentials: withIds(options.allowCredentials) },
      });
      form.elements['Passkey.CredentialJson'].value = credentialJson(credential);
    } catch (error) {
      form.elements['Passkey.Error'].value = problemOf(error).message;
    }
    form.submit();
  });
})();
