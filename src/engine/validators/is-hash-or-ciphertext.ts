const HASH =
  /^\$(?:2[abxy]?|1|5|6|7|y|gy|apr1|md5|sha1|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt)\$|^md5[0-9a-f]{32}$|^SCRAM-SHA-(?:1|256)\$|^(?:sha1|sha224|sha256|sha384|sha512|md5|blake2b|h1|zh)[-:=]|^\{(?:SSHA|SHA|SSHA256|SSHA512|MD5|SMD5|CRYPT|PBKDF2[^}]*)\}|^pbkdf2_sha\d+\$|^bcrypt\$|^argon2/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CIPHERTEXT = /^\$ANSIBLE_VAULT|^ENC\[|^vault:v\d+:|^Ag[A-D][A-Za-z0-9+/]{300,}={0,2}$|^-----BEGIN PGP MESSAGE|^AQICAH|^gAAAAA[A-Za-z0-9_-]{80,}/;

/**
 * True for values that are not usable credentials although they look random: password hashes
 * (bcrypt, sha-crypt, apr1, md5/SCRAM verifiers, LDAP {SSHA}), digests with an algorithm prefix
 * (`sha512-…`, `sha256:…`, `h1:…`), UUIDs, and ciphertext (ansible-vault, SOPS `ENC[…]`, Vault
 * transit, SealedSecrets `Ag…`, AWS KMS `AQICAH…`, Fernet).
 */
export function isHashOrCiphertext(value: string): boolean {
  return HASH.test(value) || UUID.test(value) || CIPHERTEXT.test(value);
}
