export type DbKind = "postgres" | "mysql" | "sqlite";

export interface DbTarget {
  kind: DbKind;
  /** The URL as given (holds the password: never print it). */
  url: string;
  /** For SQLite: the file path. */
  file?: string;
  /** The URL without user information, safe to print. */
  display: string;
}

/**
 * Reads a data-store URL: `postgres://` / `postgresql://`, `mysql://` / `mariadb://`, or
 * `sqlite:path` (also `sqlite://path`). Errors never quote the URL (it may hold a password).
 */
export function parseDbUrl(url: string): DbTarget {
  const scheme = /^([a-z0-9+]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "sqlite" || scheme === "sqlite3") {
    const file = url.replace(/^sqlite3?:(\/\/)?/i, "");
    if (!file) throw new Error("sqlite: URL needs a file path (sqlite:path/to/app.db)");
    return { kind: "sqlite", url, file, display: `sqlite:${file}` };
  }
  if (scheme === "postgres" || scheme === "postgresql" || scheme === "mysql" || scheme === "mariadb") {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new Error(`${scheme}: URL is malformed (expected ${scheme}://user:password@host:port/database)`);
    }
    if (!u.pathname || u.pathname === "/") throw new Error(`${scheme}: URL names no database (expected ${scheme}://user:password@host:port/database)`);
    const display = `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}:****@` : ""}${u.host}${u.pathname}`;
    return { kind: scheme.startsWith("postgres") ? "postgres" : "mysql", url, display };
  }
  throw new Error(`unsupported data-store URL scheme${scheme ? ` "${scheme}"` : ""}: use postgres://, mysql://, mariadb:// or sqlite:`);
}
