import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { handoffFieldsSchema } from "@/lib/validation/handoff";
import { BibtexError, decodeLatex, importBibtex, parseBibtex, parseNames, toPaperFields } from "./bibtex";

const fixture = fs.readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/real/papers.bib"), "utf8");
const paperSchema = handoffFieldsSchema.pick({ paperTitle: true, authors: true, venue: true, year: true, arxivId: true, doi: true, url: true, bibtex: true });

/** The BibtexError that `fn` throws. */
function errorOf(fn: () => unknown): BibtexError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BibtexError) return error;
    throw error;
  }
  throw new Error("expected a BibtexError");
}

function fieldsOf(key: string, text = fixture) {
  const entry = parseBibtex(text).find((e) => e.key === key);
  if (!entry) throw new Error(`no entry ${key}`);
  return toPaperFields(entry);
}

describe("the real papers.bib fixture", () => {
  const entries = parseBibtex(fixture);

  it("holds five entries, each kept exactly as written", () => {
    expect(entries.map((e) => [e.type, e.key, e.line])).toEqual([
      ["misc", "vaswani2017attention", 1],
      ["article", "devlin2018bert", 10],
      ["inproceedings", "DBLP:conf/cvpr/HeZRS16", 17],
      ["inproceedings", "NEURIPS2020_4c5bcfec", 29],
      ["inproceedings", "hu2022lora", 41],
    ]);
    // Entries are separated by one blank line, so the raw texts rebuild the file.
    expect(entries.map((e) => e.raw).join("\n\n") + "\n").toBe(fixture);
  });

  it("Attention Is All You Need: an arXiv @misc with eprint", () => {
    expect(fieldsOf("vaswani2017attention")).toEqual({
      paperTitle: "Attention Is All You Need",
      authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones", "Aidan N. Gomez", "Lukasz Kaiser", "Illia Polosukhin"],
      venue: "arXiv",
      year: 2017,
      arxivId: "1706.03762",
      doi: undefined,
      url: undefined,
      bibtex: entries[0].raw,
    });
    expect(entries[0].fields.primaryclass).toBe("cs.CL");
  });

  it("BERT: the arXiv id comes from the journal string, names are 'Last, First'", () => {
    const bert = fieldsOf("devlin2018bert");
    expect(bert.paperTitle).toBe("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding");
    expect(bert.authors).toEqual(["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"]);
    expect(bert.arxivId).toBe("1810.04805");
    expect(bert.venue).toBe("arXiv");
    expect(bert.year).toBe(2018);
  });

  it("ResNet: a DBLP key with ':' and '/', multi-line authors, {{CVPR}} braces", () => {
    const resnet = fieldsOf("DBLP:conf/cvpr/HeZRS16");
    expect(resnet.authors).toEqual(["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]);
    expect(resnet.paperTitle).toBe("Deep Residual Learning for Image Recognition");
    expect(resnet.venue).toBe("CVPR"); // booktitle wins over publisher {{IEEE} Computer Society}
    expect(resnet.year).toBe(2016);
    expect(resnet.arxivId).toBeUndefined();
    expect(entries[2].fields.booktitle).toBe("{CVPR}");
    expect(entries[2].fields.pages).toBe("770--778");
  });

  it("DDPM: editors stay out of the authors, pages are ignored, the url is kept", () => {
    const ddpm = fieldsOf("NEURIPS2020_4c5bcfec");
    expect(ddpm.authors).toEqual(["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"]);
    expect(ddpm.paperTitle).toBe("Denoising Diffusion Probabilistic Models");
    expect(ddpm.venue).toBe("Advances in Neural Information Processing Systems");
    expect(ddpm.year).toBe(2020);
    expect(ddpm.url).toBe("https://proceedings.neurips.cc/paper/2020/file/4c5bcfec8584af0d967f1ab10179ca4b-Paper.pdf");
    expect(Object.keys(ddpm)).not.toContain("pages");
    expect(parseNames(entries[3].fields.editor)).toEqual(["H. Larochelle", "M. Ranzato", "R. Hadsell", "M.F. Balcan", "H. Lin"]);
  });

  it("LoRA: the key on the line after '@inproceedings{', braces inside the title", () => {
    const lora = fieldsOf("hu2022lora");
    expect(lora.paperTitle).toBe("LoRA: Low-Rank Adaptation of Large Language Models");
    expect(lora.authors[0]).toBe("Edward J Hu");
    expect(lora.authors).toHaveLength(8);
    expect(lora.venue).toBe("International Conference on Learning Representations");
    expect(lora.year).toBe(2022);
    expect(lora.url).toBe("https://openreview.net/forum?id=nZeVKeeFYf9");
  });

  it("every mapped entry passes the handoff schema, alone or through importBibtex", () => {
    for (const entry of entries) {
      const fields = toPaperFields(entry);
      expect(paperSchema.parse(fields)).toMatchObject({ paperTitle: fields.paperTitle, year: fields.year, bibtex: entry.raw });
      expect(importBibtex(`Cite as:\n\n${entry.raw}\n`)).toEqual(fields);
    }
  });

  it("reads the same with CRLF line ends and tab indentation", () => {
    const crlf = fixture.replace(/\n/g, "\r\n").replace(/^ {2,}/gm, "\t");
    const again = parseBibtex(crlf);
    expect(again.map((e) => e.line)).toEqual(entries.map((e) => e.line));
    for (const [i, entry] of again.entries()) {
      expect({ ...toPaperFields(entry), bibtex: "" }).toEqual({ ...toPaperFields(entries[i]), bibtex: "" });
      expect(toPaperFields(entry).bibtex).toContain("\r\n");
    }
  });
});

describe("decodeLatex", () => {
  it.each([
    [String.raw`M{\"u}ller`, "Müller"],
    [String.raw`Jos\'{e}`, "José"],
    [String.raw`{\aa}ngstr{\"o}m`, "ångström"],
    [String.raw`\'e \"o \`a \^o \~n {\'e} \'{e}`, "é ö à ô ñ é é"],
    [String.raw`\c{c} \c c \v{s} \u{g} \H{o} \r{a} \k{a} \={a} \.{z}`, "ç ç š ğ ő å ą ā ż"],
    [String.raw`{\aa} {\AA} {\o} {\O} {\ss} {\ae} {\l} {\L}{\'o}d{\'z}`, "å Å ø Ø ß æ ł Łódź"],
    [String.raw`\'{\i} \'\i`, "í í"],
    [String.raw`R\&D 50\% \$5 a\_b \#1`, "R&D 50% $5 a_b #1"],
    ["pages 1--2, a---b, ``quoted'' and `single'", "pages 1–2, a—b, “quoted” and ‘single'"],
    ["Aidan~N. Gomez", "Aidan N. Gomez"],
    ["{CVPR}", "CVPR"],
    ["{{IEEE} Computer Society}", "IEEE Computer Society"],
    ["Lo{RA}: Low-Rank", "LoRA: Low-Rank"],
    ["  several\n\t spaces  ", "several spaces"],
    [String.raw`\emph{Deep} \textbf{Nets} on $\alpha$-divergences`, "Deep Nets on α-divergences"],
  ])("%s → %s", (latex, text) => {
    expect(decodeLatex(latex)).toBe(text);
  });

  it("returns NFC-composed characters", () => {
    expect(decodeLatex(String.raw`\"u`)).toBe("\u00fc");
  });
});

describe("author names", () => {
  it("decodes accents and reorders 'Last, First'", () => {
    const text = String.raw`@article{k, author = {M{\"u}ller, Jos\'{e} and {\aa}ngstr{\"o}m, Anders and Gauss, Jr., Carl}, title = {T}}`;
    expect(importBibtex(text).authors).toEqual(["José Müller", "Anders ångström", "Carl Gauss Jr."]);
  });

  it("splits on 'and' only at brace depth 0, in any case, and omits 'others'", () => {
    expect(parseNames("{Barnes and Noble, Inc.} AND Ada Lovelace and\n  others")).toEqual(["Barnes and Noble, Inc.", "Ada Lovelace"]);
    expect(parseNames("Alexander Anderson and Sandra Band")).toEqual(["Alexander Anderson", "Sandra Band"]);
  });
});

describe("BibTeX syntax", () => {
  it("expands @string macros and month macros joined with #", () => {
    const text = [
      `@String{ neurips = "Advances in Neural Information Processing Systems" }`,
      `@string{nips33 = NeurIPS # " 33"}`,
      `@inproceedings{ho2020,`,
      `  title = "Denoising " # {Diffusion} # " Models",`,
      `  booktitle = NEURIPS # { } # Nips33,`,
      `  month = jun,`,
      `  year = 2020,`,
      `}`,
    ].join("\n");
    const [entry] = parseBibtex(text);
    expect(entry.fields).toMatchObject({
      title: "Denoising Diffusion Models",
      booktitle: "Advances in Neural Information Processing Systems Advances in Neural Information Processing Systems 33",
      month: "June",
      year: "2020",
    });
    // The saved BibTeX keeps the @string blocks, so it still parses on its own.
    const imported = importBibtex(`% my library\n${text}\n`);
    expect(imported.bibtex).toBe(text);
    expect(importBibtex(imported.bibtex)).toEqual(imported);
  });

  it("reads parentheses-delimited entries and quoted values holding braces", () => {
    const text = `@string(conf = "ICML")\n@article(smith2020,\n  title = "A {"}Quoted{"} (and parenthesised) Title",\n  journal = conf,\n  year = {2020}\n)`;
    const [entry] = parseBibtex(text);
    expect(entry.key).toBe("smith2020");
    expect(entry.raw).toBe(text.slice(text.indexOf("@article")));
    expect(toPaperFields(entry)).toMatchObject({ paperTitle: 'A "Quoted" (and parenthesised) Title', venue: "ICML", year: 2020 });
  });

  it("skips @comment, @preamble and text outside entries, including e-mail addresses", () => {
    const text = [
      "Please cite (questions to someone@example.com, or @ the lab):",
      "@comment{ an {old} entry: @misc{x, title = {no}} }",
      '@preamble{ "\\newcommand{\\noopsort}[1]{}" # "" }',
      "@Comment this line is plain text",
      "@misc{only, title = {Only}}",
    ].join("\n");
    expect(parseBibtex(text).map((e) => e.key)).toEqual(["only"]);
  });

  it("keeps the first of duplicated fields and accepts a trailing comma", () => {
    const [entry] = parseBibtex("@misc{k, title = {First}, Title = {Second},}");
    expect(entry.fields.title).toBe("First");
  });
});

describe("mapping to paper fields", () => {
  const map = (body: string) => importBibtex(`@article{k,\n${body}\n}`);

  it("finds arXiv ids in arxiv.org URLs and arXiv DOIs", () => {
    expect(map("url = {https://arxiv.org/abs/2106.09685v2}").arxivId).toBe("2106.09685v2");
    expect(map("url = {http://arxiv.org/pdf/cs/0112017.pdf}").arxivId).toBe("cs/0112017");
    expect(map("doi = {10.48550/arXiv.1706.03762}")).toMatchObject({ arxivId: "1706.03762", doi: "10.48550/arXiv.1706.03762" });
    expect(map("eprint = {arXiv:1706.03762}, archivePrefix = {arXiv}").arxivId).toBe("1706.03762");
    expect(map("eprint = {2019/123}, eprinttype = {iacr}").arxivId).toBeUndefined();
  });

  it("strips DOI resolvers and drops identifiers the schema would reject", () => {
    expect(map("doi = {https://doi.org/10.1109/CVPR.2016.90}").doi).toBe("10.1109/CVPR.2016.90");
    expect(map("doi = {doi:10.1109/CVPR.2016.90}").doi).toBe("10.1109/CVPR.2016.90");
    expect(map("url = {https://dx.doi.org/10.1000/x\\_y}")).toMatchObject({ doi: "10.1000/x_y", url: "https://dx.doi.org/10.1000/x_y" });
    expect(map("doi = {not a doi}, url = {www.example.com}")).toMatchObject({ doi: undefined, url: undefined });
  });

  it("reads the year from year or date, and picks a venue in order", () => {
    expect(map("date = {2021-06-01}").year).toBe(2021);
    expect(map("year = {in press}").year).toBeNull();
    expect(map("journal = {Nature}, publisher = {Springer}").venue).toBe("Nature");
    expect(map("publisher = {Springer}, howpublished = {Online}").venue).toBe("Springer");
    expect(map("howpublished = {\\url{https://example.com}}").venue).toBe("");
  });

  it("cuts over-long text so the result still passes the schema", () => {
    const fields = map(`title = {${"x".repeat(600)}}, author = {${Array.from({ length: 250 }, (_, i) => `A${i} B`).join(" and ")}}`);
    expect(fields.paperTitle).toHaveLength(500);
    expect(fields.authors).toHaveLength(200);
    expect(() => paperSchema.parse(fields)).not.toThrow();
  });
});

describe("errors", () => {
  it("points at the value whose closing brace is missing", () => {
    const error = errorOf(() => importBibtex("@article{k,\n  title = {Attention Is All You Need,\n  year = 2017\n}\n"));
    expect(error.message).toBe('line 2, column 11: the value of "title" runs on to the end of the entry: is a "}" missing?');
    expect([error.line, error.column]).toEqual([2, 11]);
  });

  it("points at the entry that is never closed", () => {
    const error = errorOf(() => importBibtex("@misc{k,\n  title = {X},\n  year = 2017\n"));
    expect(error.message).toBe('line 1, column 6: entry "k" is never closed: "}" missing before the end of the input');
  });

  it("points at an unbalanced brace that runs to the end of the input", () => {
    const error = errorOf(() => parseBibtex("@misc{a, title = {X}}\n@misc{b, title = {Y {Z}\n"));
    expect(error.message).toBe('line 2, column 18: unclosed "{": no matching "}" before the end of the input');
  });

  it('reports a missing "="', () => {
    const error = errorOf(() => parseBibtex("@article{k,\n  year = 2017,\n  author = {A},\n  title      {Attention}\n}"));
    expect(error.message).toBe('line 4, column 14: expected "=" after field name "title"');
    expect([error.line, error.column]).toEqual([4, 14]);
  });

  it("reports a missing comma between fields", () => {
    const error = errorOf(() => parseBibtex("@article{k,\n  title = {X}\n  year = 2017\n}"));
    expect(error.message).toBe('line 3, column 3: expected "," or "}" after the value of "title", found "year" (missing comma?)');
  });

  it("reports an unknown macro", () => {
    const error = errorOf(() => parseBibtex('@article{k,\n  journal = jmlr # " 12",\n}'));
    expect(error.message).toBe('line 2, column 13: unknown macro "jmlr": define it with @string or put the value in braces');
  });

  it("counts CRLF as one line break and a tab as one column", () => {
    const error = errorOf(() => parseBibtex("@article{k,\r\n\ttitle {X}\r\n}"));
    expect([error.line, error.column]).toEqual([2, 8]);
  });

  it("reports a missing key, an unclosed quote and a wrong closing delimiter", () => {
    expect(errorOf(() => parseBibtex("@misc{\n  title = {X}\n}")).message).toBe('line 2, column 3: missing citation key before field "title": write @misc{key, ...}');
    expect(errorOf(() => parseBibtex('@misc{k, title = "X}')).message).toMatch(/^line 1, column 20: unbalanced "}" inside a quoted value/);
    expect(errorOf(() => parseBibtex('@misc{k, title = "X')).message).toBe(`line 1, column 18: unclosed '"': no closing quote before the end of the input`);
    expect(errorOf(() => parseBibtex("@misc(k, title = {X}}")).message).toBe('line 1, column 21: expected "," or ")" after the value of "title", found "}"');
    expect(errorOf(() => parseBibtex("@misc k, title = {X}}")).message).toBe('line 1, column 7: expected "{" or "(" after "@misc", found "k"');
  });

  it("rejects empty input, input with no entry, several entries and input over 100 KB", () => {
    for (const text of ["", "  \r\n\t", "% just a comment\n@comment{nothing}", '@string{a = "b"}']) {
      const error = errorOf(() => importBibtex(text));
      expect(error.message).toMatch(/^no BibTeX entry found/);
      expect([error.line, error.column]).toEqual([1, 1]);
    }
    expect(errorOf(() => importBibtex(fixture)).message).toBe("line 10, column 1: found 5 entries; paste one entry at a time");
    const big = `@misc{k, note = {${"é".repeat(60_000)}}}`;
    expect(errorOf(() => parseBibtex(big)).message).toMatch(/too large \(118 KB; the limit is 100 KB\)/);
  });

  it("is a ValidationError, so the API answers 422 with the message under 'bibtex'", () => {
    const error = errorOf(() => importBibtex(""));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.fieldErrors.bibtex).toEqual([error.message]);
  });
});
