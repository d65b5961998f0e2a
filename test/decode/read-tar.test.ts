import { createTar } from "nanotar";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS, utf8 } from "./helpers.js";

/** Turns header `index` of a tar made by nanotar into a link entry (typeflag "1" hard, "2" symbolic) to `target`. */
function makeLink(tar: Uint8Array, index: number, flag: "1" | "2", target: string): Uint8Array {
  const out = Uint8Array.from(tar);
  let offset = 0;
  for (let i = 0; i < index; i++) {
    const size = parseInt(new TextDecoder().decode(out.subarray(offset + 124, offset + 136)).replace(/\0.*$/, "").trim() || "0", 8);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  out[offset + 156] = flag.charCodeAt(0);
  out.set(utf8(target.padEnd(100, "\0")).subarray(0, 100), offset + 157);
  out.fill(0x20, offset + 148, offset + 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += out[offset + i];
  out.set(utf8(`${sum.toString(8).padStart(6, "0")}\0 `), offset + 148);
  return out;
}

describe("tar links (issue 11, item 8)", () => {
  it("lists symbolic and hard link entries as skipped and reads the regular files", () => {
    const tar = makeLink(makeLink(createTar([{ name: "a.txt", data: "hello\n" }, { name: "passwd", data: "" }, { name: "again.txt", data: "" }]), 1, "2", "/etc/passwd"), 2, "1", "a.txt");
    const out = decodeFile("bundle.tar", tar, OPTIONS);
    expect(out.units.map((u) => u.path)).toEqual(["bundle.tar!a.txt"]);
    expect(out.skipped).toEqual([
      { path: "bundle.tar!passwd", reason: "symlink" },
      { path: "bundle.tar!again.txt", reason: "hardlink" },
    ]);
  });
});
