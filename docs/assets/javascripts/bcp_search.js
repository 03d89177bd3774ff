// Runs before Material's bundle (overrides/main.html): points Material's search
// at bcp_search_worker.js, which segments Thai queries into words and then
// hands over to Material's own worker (its URL travels in the hash).
// Swapping the worker URL is Material's way to customise search.
(function () {
  var element = document.getElementById("__config")
  var script = document.currentScript
  if (!element || !script) return
  var config = JSON.parse(element.textContent)
  if (!config.search) return
  var worker = new URL("workers/bcp_search_worker.js", script.src)
  worker.hash = encodeURIComponent(new URL(config.search, document.baseURI).href)
  config.search = worker.href
  element.textContent = JSON.stringify(config)
})();

// Whole words on the page too.  After a click on a result, Material marks the
// query's words on the page (?h=ไฟ+ดับ) wherever they occur, inside other words
// as well (ไฟ in ไฟล์): Thai has no spaces to tell.  A mark that is not whole
// words (bcp_words.js, loaded before this script) is taken off again.
(function () {
  if (typeof self.bcpIsWholeWord !== "function" || typeof MutationObserver !== "function") return
  if (!new URLSearchParams(location.search).get("h")) return

  function isWhole(mark) {
    var parent = mark.parentNode
    var before = document.createRange()
    before.setStart(parent, 0)
    before.setEndBefore(mark)
    var start = before.toString().length
    return self.bcpIsWholeWord(parent.textContent, start, start + mark.textContent.length)
  }

  function check(mark) {
    if (!mark.parentNode || isWhole(mark)) return
    var parent = mark.parentNode
    parent.replaceChild(document.createTextNode(mark.textContent), mark)
    parent.normalize()
  }

  new MutationObserver(function (changes) {
    var marks = []
    for (var change of changes)
      for (var node of change.addedNodes)
        if (node.nodeType === 1 && node.matches("mark[data-md-highlight]")) marks.push(node)
    marks.forEach(check)
  }).observe(document.body, { childList: true, subtree: true })
})();
