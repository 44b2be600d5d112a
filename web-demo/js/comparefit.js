// The compare panes never hide a column. A compare is read row against row,
// so each pane must show its whole row (offset, 16 bytes, the ASCII column):
// side by side at the usual font when two rows fit the width, else side by
// side at a smaller font, else A stacked above B (the views scroll together
// either way), at the usual font, then at the smaller one. The choice is
// measured, not guessed from the window's width: a row's width depends on
// the font the system gives and on the offsets' digits (a larger file has
// more).

/** The layouts to try, in order of preference: words of the panes' data-fit (style.css). */
const FITS = ['', 'small', 'stacked', 'stacked small'];

/** Whether a view's rows, and its column header, are whole inside it (nothing past its right edge). */
function whole(view) {
  const { head, scroller } = view;
  return head.scrollWidth <= head.clientWidth && scroller.scrollWidth <= scroller.clientWidth;
}

/**
 * Keeps `box` (the .compare-panes element) in the first layout of FITS in
 * which every view of `views` shows whole rows; returns the function that
 * fits again (after the documents change: their offsets may take more digits).
 */
export function fitPanes(box, views) {
  let fitting = false;
  function fit() {
    if (fitting || box.clientWidth === 0) return; // hidden (another tab): fitted when shown
    fitting = true;
    try {
      for (const mode of FITS) {
        box.dataset.fit = mode;
        for (const v of views) v.layout(); // the row height follows the font
        if (views.every(whole)) break;
      }
    } finally {
      fitting = false;
    }
  }
  new ResizeObserver(fit).observe(box);
  return fit;
}
