// Configuration comes from the environment, never from the source.
export const config = {
  githubToken: process.env.GITHUB_TOKEN,
  awsAccessKeyId: process.env["AWS_ACCESS_KEY_ID"],
  databaseUrl: process.env.DATABASE_URL ?? "postgres://localhost:5432/dev",
  password: "<password>",
  apiKey: "your-api-key-here",
};
