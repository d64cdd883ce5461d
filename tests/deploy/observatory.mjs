// MDN HTTP Observatory's grading of one site whose http and https ports are given: the
// package's own scan() (src/scanner/index.js) with its retrieval told the ports, which
// scan() does not pass on.
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The package downloads the HSTS preload list on install (from Chromium's source, out of
// reach of the test machines; npm ci runs with --ignore-scripts): no loopback host is on it.
const preload = path.join(path.dirname(createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json")), "conf", "hsts-preload.json");
if (!existsSync(preload)) writeFileSync(preload, "{}");

const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import("@mdn/mdn-http-observatory/src/grader/charts.js");
const { getGradeForScore, getScoreModifier } = await import("@mdn/mdn-http-observatory/src/grader/grader.js");
const { retrieve } = await import("@mdn/mdn-http-observatory/src/retriever/retriever.js");
const { ALL_TESTS } = await import("@mdn/mdn-http-observatory/src/constants.js");

const [hostname, httpPort, httpsPort] = process.argv.slice(2);
const retrieved = await retrieve(hostname, { httpPort: Number(httpPort), httpsPort: Number(httpsPort) });
if (!retrieved.responses.auto) throw new Error("The site seems to be down.");
let withExtraCredit = 100;
let uncurved = 100;
const failed = [];
for (const result of ALL_TESTS.map((test) => test(retrieved))) {
  if (!result.result) continue;
  const modifier = getScoreModifier(result.result);
  withExtraCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  if (!result.pass) failed.push(result.result);
}
const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
console.log(JSON.stringify({ grade: final.grade, score: final.score, failed }));
