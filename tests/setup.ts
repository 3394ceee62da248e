// Runs in every test worker before the test files: a fixed secret so that lib/env parses.
process.env.NEXTAUTH_SECRET ??= "legible-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
