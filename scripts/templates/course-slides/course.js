/* The course's decks: reveal.js and its speaker-notes plugin, loaded from the
   deck's own folder through RequireJS (as nbconvert's template does), set up
   for a live session. Keys: arrows or space to move, S for the speaker view
   (notes, timer, next slide), B or . to black the screen for a question,
   O or Esc for the overview, F for full screen, ? for the list of keys.
   Print to PDF: open the deck with ?print-pdf after its name and print. */
(function () {
	var prefix = window.courseDeck.revealPrefix;

	// Charts are drawn while their slide is hidden, at a size of 0: ECharts
	// takes the size of their element when asked to resize, once shown.
	function redrawCharts(root) {
		var all = window.__bpviz || {};
		var els = root.querySelectorAll(".bpviz");
		for (var i = 0; i < els.length; i++) {
			var c = all[els[i].id];
			if (c && !c.isDisposed()) c.resize();
		}
	}

	// A slide taller than the deck scrolls inside it (mouse wheel or
	// trackpad) instead of running off the screen.
	function fitTall(Reveal, slide) {
		if (Reveal.isPrintingPDF() || slide.classList.contains("course-scroll")) return;
		var height = Reveal.getConfig().height;
		if (slide.scrollHeight > height) {
			slide.classList.add("course-scroll");
			slide.style.height = height + "px";
		}
	}

	// Formulas typeset while hidden are measured again when shown.
	function retypeset(slide) {
		var H = window.MathJax && window.MathJax.Hub;
		if (H && H.getAllJax(slide).length > 0) H.Queue(["Rerender", H, slide]);
	}

	// reveal.js shows the first notes of a slide only: a slide made of
	// several cells can have several, so join them into the first.
	function joinNotes() {
		var sections = document.querySelectorAll(".reveal .slides section");
		for (var i = 0; i < sections.length; i++) {
			var own = [];
			for (var c = sections[i].firstElementChild; c; c = c.nextElementSibling) {
				if (c.matches("aside.notes")) own.push(c);
			}
			for (var j = 1; j < own.length; j++) {
				while (own[j].firstChild) own[0].appendChild(own[j].firstChild);
				own[j].remove();
			}
		}
	}

	joinNotes();
	require({waitSeconds: 15},
		[prefix + "/dist/reveal.js", prefix + "/plugin/notes/notes.js"],
		function (Reveal, RevealNotes) {
			Reveal.initialize({
				width: 1280,
				height: 800,
				margin: 0.03,
				center: false,
				controls: true,
				progress: true,
				hash: true,
				history: true,
				slideNumber: "c/t",
				transition: "fade",
				transitionSpeed: "fast",
				pdfMaxPagesPerSlide: 3,
				plugins: [RevealNotes]
			});
			function shown(event) {
				redrawCharts(event.currentSlide);
				fitTall(Reveal, event.currentSlide);
				retypeset(event.currentSlide);
			}
			Reveal.on("ready", shown);
			Reveal.on("slidechanged", shown);
			Reveal.on("pdf-ready", function () { redrawCharts(document); });
			window.Reveal = Reveal;
		});
})();
