// Whole Thai words, for search: on the page (bcp_search.js) and in the search
// worker (bcp_search_worker.js).  Thai has no spaces: ICU's word boundaries
// (Intl.Segmenter) tell where words are.  A match that starts or ends inside
// one of ICU's words still counts when the rest of that word is a word of its
// own (ฉุกเฉิน in ภาวะฉุกเฉิน), not when it is a piece of a syllable (ไฟ in ไฟล์,
// ดับ in ระดับ or ลำดับ).  Without Intl.Segmenter every match counts.
(function (scope) {
  "use strict"
  var words = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("th", { granularity: "word" }) : null

  function segments(text) {
    var found = []
    for (var part of words.segment(text)) found.push([part.index, part.index + part.segment.length])
    return found
  }

  /* The rest of a word: nothing, or a word (one of ICU's, of more than one short syllable) */
  function isWordRest(rest) {
    return rest === "" || (rest.length >= 3 && segments(rest).length === 1)
  }

  /* Is text.slice(start, end) whole words of `text`? */
  scope.bcpIsWholeWord = function (text, start, end) {
    if (!words) return true
    var parts = segments(text)
    for (var i = 0; i < parts.length; i++) {
      var from = parts[i][0], to = parts[i][1]
      if (from < start && start < to && !isWordRest(text.slice(from, start))) return false
      if (from < end && end < to && !isWordRest(text.slice(end, to))) return false
    }
    return true
  }
})(self);
