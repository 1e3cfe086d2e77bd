"""The allowlist: harmful markup goes, the markup our pages need stays."""

from kennisbank.site.sanitize import sanitize


def test_scripts_handlers_frames_and_dangerous_urls_are_removed():
    html = ('<p onclick="x()">a</p><script>alert(1)</script><iframe src="https://x.org"></iframe>'
            '<a href="javascript:alert(1)">j</a><a href=" JaVaScript:alert(1)">k</a>'
            '<a href="data:text/html,x">d</a><img src="https://tracker.example/p.gif" alt="p">'
            '<style>body{}</style><object data="x"></object>')
    clean = sanitize(html).lower()
    for forbidden in ("onclick", "<script", "alert(1)</", "<iframe", "javascript:", "data:", "tracker", "<style",
                      "<object"):
        assert forbidden not in clean, forbidden


def test_markup_of_our_own_pages_survives():
    html = ('<h2 id="opgave">Opgave<a class="headerlink" href="#opgave" title="Link">¶</a></h2>'
            '<div class="kb-kaart"><dl><dt>Stad</dt><dd><a href="../../steden/dordrecht/">Dordrecht</a></dd></dl></div>'
            '<table><thead><tr><th scope="col">a</th></tr></thead></table>'
            '<a href="mailto:info@example.nl">mail</a><img src="../plaatje.png" alt="plaatje">')
    assert sanitize(html) == html
