// Thai search, inside the search web worker, in front of Material's worker.
//
// Thai has no spaces between words.  The index has a ZERO WIDTH SPACE between
// Thai words (bcp/search.py, with PyThaiNLP); this script rewrites what the
// user types before Material's worker (lunr) sees it:
//   "เหตุการณ์ฉุกเฉิน"  ->  "+*เหตุการณ์* +*ฉุกเฉิน*"   a phrase typed without spaces:
//                        each piece must be in the section, anywhere in a word
//   "209" or "๒๐๙"     ->  the digits the pages use
// Intl.Segmenter (ICU) and PyThaiNLP do not cut at the same places
// ("ความต่อเนื่อง" is one word for PyThaiNLP, three for ICU), so the cut is
// chosen with the words of the index itself; ICU breaks ties and cuts what the
// index does not know.  Everything is local: no request leaves the site.
//
// Whole words only: "ไฟดับ" is searched as ไฟ and ดับ, and lunr's wildcards
// would also take ไฟล์ (a file) and ระดับ for them.  A Thai piece the index
// knows as a word matches an index word only where it is that word or a whole
// word inside it (bcp_words.js: ต่อเนื่อง in ความต่อเนื่อง, not ไฟ in ไฟล์).
// Results that hold a piece only inside other words are dropped and
// such highlights unmarked (filterWholeWords); the page highlight after a click
// is checked the same way by bcp_search.js.
"use strict"

/* Material 9's SearchMessageType */
const SETUP = 0
const QUERY = 2
const RESULT = 3

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
const THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
const DOUBLED_MARK = new RegExp(`([${THAI_MARKS}])\\1+`, "g")
const RUNS = /[0-9\u0e50-\u0e59]+(?:[.,:][0-9\u0e50-\u0e59]+)*|[\u0e01-\u0e4f\u0e5a\u0e5b]+|[^\u0e01-\u0e5b0-9]+/g
/* Intl.Segmenter came late to some browsers (Firefox 125): without it, runs the
   index does not know stay whole */
const WORDS = typeof Intl.Segmenter === "function"
  ? new Intl.Segmenter("th", { granularity: "word" })
  : { segment: () => [] }

/* Our own URL.  From disk (file://) this runs in an iframe (iframe-worker,
   docs/assets/vendor/): the script's, with "?<time>" added after the hash. */
const ownUrl = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src
  : location.href
const FROM_DISK = ownUrl.startsWith("file:")

let separator = /[\s\-\u200b]+/
let vocabulary = new Set()
let sortedWords = []
let allWords = ""  /* every index word, one a line: to find text inside words */
let docWords = new Map()  /* each index entry's (location's) words */
let ownersPages = new Set()  /* pages whose entries have a search boost below 1 */

/* Terms of the last query that were found inside longer words: Material would
   list them as missing in the results (it only checks word starts) */
let insideTerms = new Set()

/* Thai pieces of the last query the index knows as words: whole words only */
let wholeTerms = new Set()

/* ------------------------------------------------------------------------- */

/* The same fixes as bcp.thai.normalize_thai, applied to the index text */
function normalizeThai(text) {
  let previous
  do {
    previous = text
    text = text.normalize("NFC")
      .replace(DOUBLED_MARK, "$1")
      .replace(/\u0e4d([\u0e48-\u0e4b]*)\u0e32/g, "$1\u0e33")
  } while (text !== previous)
  return text
}

function learnVocabulary({ config, docs }) {
  separator = new RegExp(config.separator)
  vocabulary = new Set()
  docWords = new Map()
  ownersPages = new Set()
  for (const doc of docs) {
    if (typeof doc.boost === "number" && doc.boost < 1)
      ownersPages.add(pageOf(doc.location))
    const words = new Set()
    for (const value of [doc.title, doc.text, ...(doc.tags || [])])
      if (typeof value === "string")
        for (const word of value.replace(/<[^>]*>/g, " ").toLowerCase().split(separator))
          if (word)
            words.add(word)
    docWords.set(doc.location, words)
    for (const word of words)
      vocabulary.add(word)
  }
  sortedWords = [...vocabulary].sort()
  allWords = sortedWords.join("\n")
}

function startsSomeWord(prefix) {
  let low = 0, high = sortedWords.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sortedWords[middle] < prefix) low = middle + 1
    else high = middle
  }
  return low < sortedWords.length && sortedWords[low].startsWith(prefix)
}

function insideSomeWord(text) {
  return allWords.includes(text)
}

/* ------------------------------------------------------------------------- */

/* Cut a run of Thai letters into pieces the index holds, as few and as long
   as possible.  A piece may be a whole index word or part of one: a page
   "contains" ต่อเนื่อง when it says ความต่อเนื่อง.  `last`: the run ends what
   the user typed, so its last piece may be the start of a word. */
function cutThai(text, last) {
  const n = text.length
  const icu = new Set([0, n])
  for (const { index } of WORDS.segment(text))
    icu.add(index)
  const nextIcu = i => { let j = i + 1; while (!icu.has(j)) j++; return j }

  const cost = new Array(n + 1).fill(Infinity)
  const back = new Array(n + 1)
  cost[0] = 0
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue
    const step = (j, price) => {
      price += cost[i] + (icu.has(j) ? 0 : 0.1)  /* ties: cut where ICU cuts */
      if (price < cost[j]) { cost[j] = price; back[j] = i }
    }
    for (let j = i + 1; j <= n; j++) {
      const piece = text.slice(i, j)
      if (vocabulary.has(piece) || (last && j === n && startsSomeWord(piece)))
        step(j, piece.length > 1 ? 1 : 5)
      else if (insideSomeWord(piece))
        step(j, piece.length > 2 ? 1.5 : 5)
      else
        break  /* longer pieces are not inside any word either */
    }
    /* Nothing the index knows starts here: take ICU's word (it finds nothing) */
    step(nextIcu(i), 10)
  }

  const pieces = []
  for (let j = n; j > 0; j = back[j])
    pieces.unshift(text.slice(back[j], j))
  return pieces
}

/* The forms of a number the index holds: Thai digits, Arabic digits or both */
function numberForms(text) {
  const arabic = text.replace(/[๐-๙]/g, d => THAI_DIGITS.indexOf(d))
  const thai = text.replace(/[0-9]/g, d => THAI_DIGITS[d])
  const known = [...new Set([arabic, thai])].filter(startsSomeWord)
  return known.length ? known : [text]
}

function cutChunk(chunk) {
  const runs = chunk.match(RUNS) || []
  return runs.flatMap((run, r) => {
    if (/^[0-9\u0e50-\u0e59]/.test(run))
      return [{ kind: "number", forms: numberForms(run) }]
    if (/^[\u0e01-\u0e4f]/.test(run))
      return cutThai(run, r === runs.length - 1).map(text => ({ kind: "thai", text }))
    return [{ kind: "word", text: run }]
  })
}

/* One whitespace-separated part of the query */
function rewritePart(part) {
  /* Leave Material's query syntax alone: -word, field:word, word~1, word^2, *word */
  if (!/[\u0e01-\u0e5b0-9]/.test(part) || /^[-*]|[:~^]/.test(part))
    return part
  const required = part.startsWith("+")
  const pieces = part.replace(/^\+/, "").replace(/\*+$/, "").toLowerCase()
    .split(separator).filter(Boolean).flatMap(cutChunk)
  if (!pieces.length)
    return part

  /* Material appends the trailing * itself to terms without a + */
  const presence = required || pieces.length > 1 ? "+" : ""
  const wildcard = presence ? "*" : ""
  return pieces.map(piece => {
    switch (piece.kind) {
      case "number":
        return piece.forms.length === 1
          ? `${presence}${piece.forms[0]}${wildcard}`
          : piece.forms.join(" ")  /* either form will do */
      case "thai":  /* anywhere in a word, see cutThai; whole words: see filterWholeWords */
        insideTerms.add(piece.text)
        if (vocabulary.has(piece.text))
          wholeTerms.add(piece.text)
        return `${presence}*${piece.text}${wildcard}`
      default:
        return `${presence}${piece.text}${wildcard}`
    }
  }).join(" ")
}

function rewriteQuery(query) {
  insideTerms = new Set()
  wholeTerms = new Set()
  if (!vocabulary.size)
    return query
  return normalizeThai(query).trim().split(/\s+/).map(rewritePart).join(" ")
}

function markInsideTerms(result) {
  for (const group of result.items || [])
    for (const item of group)
      for (const term of insideTerms)
        if (item.terms && item.terms[term] === false &&
            `${item.title} ${item.text}`.replace(/<[^>]*>/g, "").includes(term))
          item.terms[term] = true
}

/* Does `term` (a query piece) stand in the index word `word`?  A piece the
   index knows as a word must be the word or a whole word inside it */
const termInWord = new Map()
function standsIn(term, word) {
  const key = `${term}\n${word}`
  let found = termInWord.get(key)
  if (found === undefined) {
    found = word === term
    if (!found && word.includes(term)) {
      if (!wholeTerms.has(term) || typeof self.bcpIsWholeWord !== "function")
        found = true
      else
        for (let at = word.indexOf(term); at >= 0 && !found; at = word.indexOf(term, at + 1))
          found = self.bcpIsWholeWord(word, at, at + term.length)
    }
    termInWord.set(key, found)
  }
  return found
}

function holdsEveryTerm(location) {
  const words = docWords.get(location)
  if (!words)
    return true
  for (const term of insideTerms) {
    let found = false
    for (const word of words)
      if (word.includes(term) && standsIn(term, word)) { found = true; break }
    if (!found)
      return false
  }
  return true
}

/* A highlight around an index word that holds no query piece as a whole word goes */
function unmarkPartWords(html) {
  return html.replace(/<mark>([^<]*)<\/mark>/g, (mark, word) => {
    const lower = word.toLowerCase()
    if (!/[\u0e01-\u0e4e]/.test(word) || [...insideTerms].some(term => lower.includes(term) && standsIn(term, lower)))
      return mark
    return word
  })
}

/* The result's pages in order: the best match first, as Material orders them
   (again after filterWholeWords dropped matches), but the owner's pages (data
   notes, owner guide, revisions, completeness checklist: `search.boost` below 1
   in their front matter) after every plan page, whatever matched where:
   Material's boost only scales a score, and a title match there (weighed 1000
   times a word in the text) would still come before a plan page that has the
   word in passing. */
function rankGroups(result) {
  if (!Array.isArray(result.items))
    return
  const tier = group => group.length && ownersPages.has(pageOf(group[0].location)) ? 1 : 0
  const best = group => Math.max(...group.map(item => item.score))
  result.items.sort((a, b) => tier(a) - tier(b) || best(b) - best(a))
}

function pageOf(location) {
  return location.replace(/[#?].*$/, "")
}

/* Drop what matched only inside other words (ไฟล์ for ไฟดับ); groups without a
   match left go (rankGroups orders the others by what is left) */
function filterWholeWords(result) {
  if (!wholeTerms.size || !Array.isArray(result.items))
    return
  termInWord.clear()
  const groups = []
  for (const group of result.items) {
    const kept = group.filter(item => item.score > 0 && holdsEveryTerm(item.location))
    if (!kept.length)
      continue
    /* Material shows each group under its page (an entry of score 0 when only a section matched) */
    const page = group.find(item => !item.location.includes("#"))
    if (page && !kept.includes(page))
      kept.push({ ...page, score: 0, terms: {} })
    for (const item of kept) {
      item.title = unmarkPartWords(item.title)
      item.text = unmarkPartWords(item.text)
    }
    groups.push(kept)
  }
  result.items = groups
}

/* ------------------------------------------------------------------------- */

/* Registered before Material's listener, so it sees each message first.
   Messages are handled in order, so insideTerms belongs to the next result. */
addEventListener("message", ev => {
  const message = ev.data
  if (message && message.type === SETUP)
    learnVocabulary(message.data)
  else if (message && message.type === QUERY && typeof message.data === "string")
    try {
      message.data = rewriteQuery(message.data)
    } catch (err) {
      console.warn("Thai search: query left as typed", err)  /* Material still searches */
    }
})

/* From disk a folder does not open its index.html: the results name it */
function pagesOnDisk(result) {
  for (const group of result.items || [])
    for (const item of group)
      item.location = item.location.replace(/^[^#?]*/, path =>
        path === "" || path.endsWith("/") ? `${path}index.html` : path)
}

const postToPage = self.postMessage.bind(self)
self.postMessage = (message, ...rest) => {
  if (message && message.type === RESULT && insideTerms.size) {
    try {
      filterWholeWords(message.data)
    } catch (err) {
      console.warn("Thai search: whole-word check skipped", err)
    }
    markInsideTerms(message.data)
  }
  if (message && message.type === RESULT)
    try {
      rankGroups(message.data)
    } catch (err) {
      console.warn("Thai search: results left in Material's order", err)
    }
  if (message && message.type === RESULT && FROM_DISK)
    pagesOnDisk(message.data)
  return postToPage(message, ...rest)
}

/* Material's worker: its URL comes in our URL's hash (see bcp_search.js) */
importScripts(new URL("../bcp_words.js", ownUrl).href,
              decodeURIComponent(new URL(ownUrl).hash.slice(1).replace(/\?\d*$/, "")))
