// Embeds: the facade is a link to the provider; a click on one whose player the page may frame loads that
// player in its place (and only then does the provider hear of the reader).
for (const figure of document.querySelectorAll('figure.embed[data-embed-frame]')) {
  const facade = figure.querySelector('.embed-facade');
  facade.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = figure.getAttribute('data-embed-frame');
    frame.title = figure.getAttribute('data-embed-title') || '';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.className = 'embed-frame';
    facade.replaceWith(frame);
    frame.focus();
  });
}
