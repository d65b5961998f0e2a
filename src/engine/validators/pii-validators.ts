import type { Validator } from "./types.js";
import { bankAccount } from "./bank-account.js";
import { columnName } from "./column-name.js";
import { creditCardNumber } from "./credit-card-number.js";
import { driversLicenseNumber } from "./drivers-license-number.js";
import { honorificName } from "./honorific-name.js";
import { japaneseAddress } from "./japanese-address.js";
import { japanesePhone } from "./japanese-phone.js";
import { kanaFullName } from "./kana-full-name.js";
import { kanaName } from "./kana-name.js";
import { latinNamePart } from "./latin-name-part.js";
import { latinPersonName } from "./latin-person-name.js";
import { latinName } from "./latin-name.js";
import { namePart } from "./name-part.js";
import { nameWithReading } from "./name-with-reading.js";
import { myNumberCheckDigit } from "./my-number-check-digit.js";
import { personalEmail } from "./personal-email.js";
import { postalCode } from "./postal-code.js";
import { realDate } from "./real-date.js";
import { romajiName } from "./romaji-name.js";
import { sensitiveValue } from "./sensitive-value.js";
import { zenginBank } from "./zengin-bank.js";

/** Validators of personal-information rules (rules/pii/*.yml), by the name rules use. */
export const piiValidators: Record<string, Validator> = {
  "bank-account": bankAccount,
  "column-name": columnName,
  "credit-card": creditCardNumber,
  "drivers-license": driversLicenseNumber,
  "honorific-name": honorificName,
  "japanese-address": japaneseAddress,
  "japanese-phone": japanesePhone,
  "kana-full-name": kanaFullName,
  "kana-full-name-spaced": (v) => kanaFullName(v, true),
  "kana-name": kanaName,
  "latin-name-part": latinNamePart,
  "latin-person-name": latinPersonName,
  "latin-name": latinName,
  "my-number": myNumberCheckDigit,
  "name-part": namePart,
  "name-with-reading": nameWithReading,
  "personal-email": personalEmail,
  "postal-code": postalCode,
  "real-date": realDate,
  "romaji-name": romajiName,
  "sensitive-value": sensitiveValue,
  "zengin-bank": zenginBank,
};
