'use strict';
// See package.json: this replaces keytar through npm "overrides" so that installing the
// Office add-in tooling never needs libsecret. Sideloading does not use the OS keychain.
function unavailable() {
  return Promise.reject(
    new Error('keytar (OS keychain access) is not installed in Rajaus; sign-in caching of the Microsoft 365 toolkit is unavailable.'),
  );
}
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findPassword: unavailable,
  findCredentials: unavailable,
};
