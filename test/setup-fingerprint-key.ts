// Every test run uses one fixed fingerprint key, so snapshots of fingerprints are stable and no
// test creates a key file in the developer's home. Tests of the key resolution pass their own env.
process.env.MAMORI_FINGERPRINT_KEY = "mamori test suite fingerprint key, not a secret";
