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
})()
