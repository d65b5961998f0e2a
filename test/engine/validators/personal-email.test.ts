import { describe, expect, it } from "vitest";
import { personalEmail } from "../../../src/engine/validators/personal-email.js";
import { expandTemplate } from "../../helpers/expand-template.js";

describe("personalEmail", () => {
  it.each(["{{lower:6}}.{{lower:5}}@mail-provider.jp", "k.{{lower:7}}{{digits:2}}@gmail.com", "F{{lower:4}}_S{{lower:5}}@Outlook.JP", "{{lower:5}}+shop@yahoo.co.jp", "090{{digits:8}}@docomo.ne.jp"])(
    "accepts %s",
    (v) => expect(personalEmail(expandTemplate(v))).toBe(true),
  );
  it.each([
    ["someone@example.com", "reserved example.com"],
    ["someone@mail.example.jp", "reserved example.jp"],
    ["someone@example.co.jp", "example.co.jp"],
    ["a.person@foo.test", ".test TLD"],
    ["info@shop-kasumi.co.jp", "role"],
    ["noreply@shop-kasumi.co.jp", "no-reply"],
    ["no-reply@shop-kasumi.co.jp", "no-reply"],
    ["support2@shop-kasumi.co.jp", "numbered role"],
    ["12345+octo@users.noreply.github.com", "GitHub no-reply"],
    ["deployer@project-1.iam.gserviceaccount.com", "service account"],
    ["deploy@prodhost", "ssh user@host"],
    ["logo@2x.png", "image name"],
    ["user@", "no domain"],
    ["9f1c2e7d_33aa01@build-host.tmail", "no such TLD"],
    ["git@github.com", "SSH remote user"],
    ["ec2-user@ip-10-0-0-1.ap-northeast-1.compute.io", "machine account"],
    ["dl_sales@shop-kasumi.co.jp", "distribution list"],
    ["ruby-list@shop-kasumi.org", "mailing list"],
    ["trusted.com@evil.com", "a host in the user part"],
    ["abc@e.co", "one-letter domain"],
    ["{{lower:5}}+{{lower:3}}@baz.cn", "metasyntactic domain, any TLD"],
    ["{{lower:4}}.{{lower:4}}@foo.bar.org", "metasyntactic subdomain"],
    ["{{lower:6}}@hoge.co.kr", "metasyntactic domain, two-level TLD"],
    ["abcdABCD{{digits:4}}@{{lower:5}}.jp", "validation input"],
    ["{{digits:5}}@{{lower:5}}.jp", "short number"],
    ["from@mail.{{lower:5}}.jp", "header word"],
  ])("rejects %s (%s)", (v) => expect(personalEmail(expandTemplate(v))).toBe(false));
});

describe("personalEmail placeholders", () => {
  it.each(["octocat@github.com", "mona_lisa@github.com", "firstname.lastname@domain.com", "work+user@mail.test", "someone@yourcompany.com", "taro.yamada@gmail.com", "a.b@site.tld"])(
    "rejects %s",
    (v) => expect(personalEmail(v)).toBe(false),
  );
});

describe("personalEmail: mailing lists and project registries", () => {
  it("rejects hosted groups and list-style local parts, keeps a person's address", () => {
    const user = expandTemplate("{{alnum:8}}").toLowerCase();
    expect(personalEmail(`${user}@googlegroups.com`)).toBe(false);
    expect(personalEmail(`${user}@groups.io`)).toBe(false);
    expect(personalEmail(`${user}@lists.${user}.org`)).toBe(false);
    expect(personalEmail(`${user}-discuss@gmail.com`)).toBe(false);
    expect(personalEmail(`${user}-registry@${user}.com`)).toBe(false);
    expect(personalEmail(`${user}@gmail.com`)).toBe(true);
    expect(personalEmail(`${user}.dev@gmail.com`)).toBe(true);
  });
});

describe("personalEmail: chapters, editors, lists and algorithm names (holdout-3)", () => {
  const chapters = ["tokyo", "osaka", "fukuoka", "sapporo", "kansai"].map((p) => [`${p}@{{lower:6}}girls.org`, "a regional chapter"]);
  const roles = ["editor", "master", "secretariat", "committee"].map((r) => [`${r}@{{lower:7}}.jp`, "an editorial or project mailbox"]);
  it.each([
    ...chapters,
    ...roles,
    ["{{lower:5}}-derivatives@lists.{{lower:6}}.org", "a list host"],
    ["chacha20-poly1305@openssh.com", "an SSH cipher name"],
    ["hmac-sha2-512-etm@openssh.com", "an SSH MAC name"],
  ])("rejects %s (%s)", (t) => expect(personalEmail(expandTemplate(t))).toBe(false));
  it.each(["{{lower:5}}.{{lower:6}}@{{lower:6}}girls.org", "tokyo.{{lower:6}}@gmail.com", "{{lower:4}}-{{lower:5}}@{{lower:7}}.jp"])(
    "still accepts a person's address %s",
    (t) => expect(personalEmail(expandTemplate(t))).toBe(true),
  );
});
