/** Images, audio, video and fonts: a binary the scan is not expected to read. */
const MEDIA = /\.(png|jpe?g|gif|webp|bmp|ico|icns|cur|tiff?|heic|heif|avif|psd|xcf|sketch|mp3|m4a|aac|wav|flac|ogg|oga|opus|wma|mid|midi|mp4|m4v|mov|avi|mkv|webm|wmv|flv|mpe?g|3gp|woff2?|ttf|otf|eot)$/i;

/** Skips that are not content left unread: links and special files, or what the configuration turned off. */
const NOT_CONTENT = new Set(["symlink", "hardlink", "not a regular file", "archive (archive scanning is turned off)"]);

/**
 * Whether a skipped file makes the scan *incomplete*: content that could not be read (corrupt
 * archive, possible bomb, too large, undecodable, binary, time limit, a rule stopped early).
 * Media files (images, audio, video, fonts) and links are not.
 */
export function isIncompleteSkip(skipped: { path: string; reason: string }): boolean {
  if (NOT_CONTENT.has(skipped.reason)) return false;
  const name = skipped.path.slice(Math.max(skipped.path.lastIndexOf("/"), skipped.path.lastIndexOf("!")) + 1);
  return !MEDIA.test(name);
}
