extension HTMLPage {
    /// The page's inline CSS. Colours are custom properties so dark mode and print only
    /// swap the palette; the print block comes last so it wins over dark mode.
    static let stylesheet = """
        :root {
          color-scheme: light dark;
          --text: #1f2328;
          --muted: #59636e;
          --background: #ffffff;
          --surface: #f6f8fa;
          /* Translucent, so a table's scroll shadow shows through every row. */
          --stripe: rgb(31 35 40 / 0.03);
          --border: #d8dee4;
          --rule: #afb8c1;
          --link: #0a58ca;
          --scroll-shadow: rgb(31 35 40 / 0.28);
          --chart-backdrop: transparent;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e6edf3;
            --muted: #9198a1;
            --background: #0f1419;
            --surface: #1a2028;
            --stripe: rgb(230 237 243 / 0.03);
            --border: #2d353f;
            --rule: #4a5561;
            --link: #79b8ff;
            --scroll-shadow: rgb(0 0 0 / 0.7);
            /* Charts are drawn for a light page; give them one. */
            --chart-backdrop: #f6f8fa;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0;
          background: var(--background);
          color: var(--text);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
          font-size: 1rem;
          line-height: 1.55;
        }
        main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
        h1, h2, h3, h4 { line-height: 1.25; font-weight: 600; margin: 2.25rem 0 0.75rem; }
        h1 { font-size: 1.875rem; letter-spacing: -0.01em; margin-top: 0; }
        h1 + p { color: var(--muted); font-size: 1.0625rem; margin-top: 0; }
        h2 { font-size: 1.375rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.125rem; }
        h4 { font-size: 1rem; }
        p, ul, ol, blockquote, pre { margin: 0 0 1rem; }
        p, li { max-width: 46rem; }
        ul, ol { padding-left: 1.5rem; }
        li + li { margin-top: 0.25rem; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        strong { font-weight: 600; }
        small, sup { color: var(--muted); }
        hr { border: 0; border-top: 1px solid var(--border); margin: 2.5rem 0 1.5rem; }
        blockquote { margin-left: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
        code, pre {
          font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.875em;
        }
        code { background: var(--surface); border-radius: 4px; padding: 0.1em 0.35em; }
        pre { background: var(--surface); border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        img { max-width: 100%; height: auto; vertical-align: middle; background: var(--chart-backdrop); border-radius: 4px; }
        p > img:only-child { display: block; margin: 1.25rem 0; }
        /* A table wider than the screen scrolls sideways; a shadow at the left or right edge
           says more of it is there. The shadows stay put (scroll) and covers in the page's
           colour travel with the table (local), hiding a shadow once its end is reached. */
        .table-wrap {
          overflow-x: auto;
          margin: 1.25rem 0 2rem;
          background:
            linear-gradient(to right, var(--background) 40%, transparent) left center / 2rem 100% no-repeat local,
            linear-gradient(to left, var(--background) 40%, transparent) right center / 2rem 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, var(--scroll-shadow), transparent) left center / 0.75rem 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, var(--scroll-shadow), transparent) right center / 0.75rem 100% no-repeat scroll;
        }
        table { border-collapse: collapse; min-width: 100%; font-size: 0.9375rem; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
        th, td { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; white-space: nowrap; }
        thead th { font-size: 0.8125rem; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--rule); vertical-align: bottom; }
        tbody th { font-weight: 500; white-space: normal; min-width: 8rem; }
        tbody tr:nth-child(even) { background: var(--stripe); }
        tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
        svg.sparkline { color: var(--link); vertical-align: middle; overflow: visible; }
        @media (max-width: 40rem) {
          main { padding: 1.5rem 1rem 3rem; }
          h1 { font-size: 1.5rem; }
          h2 { font-size: 1.25rem; }
          table { font-size: 0.875rem; }
          th, td { padding: 0.4rem 0.5rem; }
        }
        /* On a phone a cards table (the headline figures) stacks each row as a card:
           its name, then one "column  value" line per cell, so nothing needs a sideways scroll. */
        @media (max-width: 30rem) {
          .cards { overflow: visible; background: none; }
          .cards table, .cards caption, .cards tbody, .cards tr, .cards th, .cards td { display: block; }
          .cards table { min-width: 0; width: 100%; }
          .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          .cards tbody tr, .cards tbody tr:nth-child(even) {
            background: var(--background);
            border: 1px solid var(--border);
            border-radius: 8px;
            padding: 0.5rem 0.75rem;
            margin: 0 0 0.625rem;
          }
          .cards tbody th, .cards tbody tr:last-child th { min-width: 0; padding: 0 0 0.25rem; border: 0; font-weight: 600; }
          .cards td, .cards tbody tr:last-child td {
            display: flex;
            justify-content: space-between;
            align-items: center;
            gap: 1rem;
            padding: 0.125rem 0;
            border: 0;
            white-space: normal;
            text-align: right !important;
          }
          .cards td::before { content: attr(data-label); color: var(--muted); font-size: 0.875rem; text-align: left; }
        }
        @media print {
          :root {
            color-scheme: light;
            --text: #000000;
            --muted: #404040;
            --background: #ffffff;
            --surface: transparent;
            --stripe: transparent;
            --border: #b0b0b0;
            --rule: #606060;
            --link: #000000;
            --chart-backdrop: transparent;
          }
          @page { margin: 16mm 14mm; }
          *, *::before, *::after { box-shadow: none !important; text-shadow: none !important; }
          body { font-size: 10.5pt; line-height: 1.4; }
          main { max-width: none; padding: 0; }
          a { text-decoration: underline; }
          .table-wrap { overflow: visible; background: none; }
          table { min-width: 0; width: 100%; }
          th, td { white-space: normal; }
          thead { display: table-header-group; }
          /* A table or chart moves to the next page whole unless it is longer than a page. */
          table, .table-wrap, tr, img, svg, pre, blockquote, caption { break-inside: avoid; page-break-inside: avoid; }
          /* Smaller charts, two side by side where a paragraph holds two, leave fewer half-empty pages. */
          img { max-width: 80%; }
          p:has(> img + img) > img { max-width: 49%; }
          h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
          p, li { orphans: 3; widows: 3; }
        }

        """
}
