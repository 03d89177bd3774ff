// Tables on a phone (bcp.css, "tables on a phone"): below 600 px each row is
// shown as a block of "column: value" lines.  This script only writes what
// CSS cannot find out itself: for every cell, the text of the column
// header(s) above it (data-bcp-label), and which cells are empty (data-bcp-empty,
// blanks to fill in on paper, or an unticked box).  The CSS uses them only on
// tables marked data-bcp-stack, so a table this script has not seen keeps its
// ordinary layout (and scrolls sideways inside its box).  Desktop and paper
// ignore both attributes.
//
// Labels are copied from the page's own header cells, so every table is
// covered, whichever partial or Markdown table made it, and a header written
// in labels.yaml appears on the phone exactly as on the desktop.
(function () {
  "use strict"

  var SPACE = /\s+/g

  function text(cell) {
    return cell.textContent.replace(SPACE, " ").trim()
  }

  // The cells of `rows` placed on a grid, spans included: grid[r][c] = cell.
  function place(rows) {
    var grid = []
    for (var r = 0; r < rows.length; r++) {
      grid[r] = grid[r] || []
      var c = 0
      for (var i = 0; i < rows[r].cells.length; i++) {
        var cell = rows[r].cells[i]
        while (grid[r][c]) c++
        cell.bcpColumn = c
        for (var dr = 0; dr < Math.max(cell.rowSpan, 1) && r + dr < rows.length; dr++) {
          grid[r + dr] = grid[r + dr] || []
          for (var dc = 0; dc < Math.max(cell.colSpan, 1); dc++) grid[r + dr][c + dc] = cell
        }
        c += Math.max(cell.colSpan, 1)
      }
    }
    return grid
  }

  // For each column, its header cells from top to bottom (a group header
  // spanning several columns first, then the column's own).
  function headers(table) {
    var columns = []
    if (!table.tHead) return columns
    var grid = place(table.tHead.rows)
    grid.forEach(function (row) {
      row.forEach(function (cell, c) {
        columns[c] = columns[c] || []
        if (columns[c].indexOf(cell) < 0) columns[c].push(cell)
      })
    })
    return columns
  }

  // The header cells above every column a body cell covers.
  function label(columns, cell) {
    var first = cell.bcpColumn, span = Math.max(cell.colSpan, 1)
    if (span >= columns.length && span > 1) return ""  // a row of its own: a group title or a note
    var shared = (columns[first] || []).filter(function (head) {
      for (var c = first + 1; c < first + span; c++)
        if (!columns[c] || columns[c].indexOf(head) < 0) return false
      return true
    })
    return shared.map(text).filter(Boolean).join(" ")
  }

  function empty(cell) {
    return text(cell) === "" && !cell.querySelector("img, svg, input, [role=img]")
  }

  // Some browsers stop announcing a table as one once CSS shows it as blocks:
  // its roles, written out, keep it a table for screen readers.
  function roles(table) {
    table.setAttribute("role", "table")
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (section) {
      if (section.parentNode === table) section.setAttribute("role", "rowgroup")
    })
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row")
      Array.prototype.forEach.call(row.cells, function (cell) {
        var role = cell.tagName === "TD" ? "cell" : row.parentNode === table.tHead ? "columnheader" : "rowheader"
        cell.setAttribute("role", role)
      })
    })
  }

  function stack(table) {
    if (table.hasAttribute("data-bcp-stack")) return
    roles(table)
    var columns = headers(table)
    var sections = Array.prototype.slice.call(table.tBodies)
    if (table.tFoot) sections.push(table.tFoot)
    var filled = false
    sections.forEach(function (section) {
      place(section.rows)
      Array.prototype.forEach.call(section.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell) {
          // a header cell in the body names its row (or a group of rows): it is the block's title
          var name = cell.tagName === "TD" ? label(columns, cell) : ""
          if (name) cell.setAttribute("data-bcp-label", name)
          if (empty(cell)) cell.setAttribute("data-bcp-empty", "")
          else filled = true
        })
      })
    })
    // A blank form (the log book: rows to write in on paper) keeps its columns: as
    // blocks it would be nothing but empty boxes, and empty columns fit a phone.
    if (filled) table.setAttribute("data-bcp-stack", "")
  }

  // The wall card's tables keep their columns: two fixed halves, made to fit a phone
  // as they fit the printed card (bcp.css, "the wall card").
  var KEEP = ".bcp-wall table"

  function stackAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), function (table) {
      if (!table.matches(KEEP)) stack(table)
    })
  }

  // Material's observable of each new page (instant navigation too); the
  // plain event where Material's bundle is absent.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(stackAll)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", stackAll)
  else stackAll()
})()
