// ESLint 9 flat config: typescript-eslint "recommended" (syntactic, no type information, so it stays fast).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "docs/gallery/**", "docs/api/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "prefer-const": "error",
      "no-console": "error",
      // The sanitisers (model/quote, the fuzz oracles) match C0 control characters on purpose.
      "no-control-regex": "off",
    },
  },
  { files: ["src/cli/**", "scripts/**", "bench/**", "test/**", "examples/**"], rules: { "no-console": "off" } },
  // Tests feed deliberately ill-typed input to the validators.
  { files: ["test/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
