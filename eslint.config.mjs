import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/generated/*", "@prisma/client"], message: "Prisma types stay on the server: use DTOs from src/server/*/schemas.ts" }] },
      ],
    },
  },
  {
    files: ["src/server/**", "scripts/**", "server.ts", "e2e/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
