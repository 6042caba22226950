;;; sunting.el --- sunting for Emacs through eglot  -*- lexical-binding: t; -*-

;; The configuration README's "Emacs (eglot)" section shows; the test loads this file. Needs
;; eglot (built in from Emacs 29; Debian's elpa-eglot for Emacs 28) and, for Markdown,
;; markdown-mode. Put it in your init file, or (load "/path/to/editors/emacs/sunting.el").

(require 'eglot)

;; `sunting lsp` for Markdown (gfm-mode is Markdown too) and plain text buffers.
(add-to-list 'eglot-server-programs
             '((markdown-mode (gfm-mode :language-id "markdown") text-mode)
               . ("sunting" "lsp")))

;; Start it in those modes only (text-mode-hook also runs for org-mode and other text modes).
(defun sunting-eglot-ensure ()
  "Start eglot with sunting in Markdown and plain text buffers."
  (when (memq major-mode '(markdown-mode gfm-mode text-mode))
    (eglot-ensure)))
(add-hook 'text-mode-hook #'sunting-eglot-ensure)

;; The server's settings (section `sunting`), e.g. (:language "id" :debounceMs 150).
;; eglot applies each edit by diffing its region against the new text, so "fix all" is asked
;; for in one edit per paragraph rather than a few long ones (on a 280 KB article with 386
;; fixes: 0.4 s that way, 3 s in 56 edits, 10 s in one: bench/editors/).
(setq-default eglot-workspace-configuration
              (plist-put (default-value 'eglot-workspace-configuration)
                         :sunting '(:language "auto" :fixAllEdits 1000000)))

(defun sunting-fix-all ()
  "Apply every safe sunting fix in this buffer."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.sunting" t))

(provide 'sunting)
;;; sunting.el ends here
