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
;; "Fix all" is asked for as one edit per fix (`fixAllEdits'), which `sunting-fix-all' applies
;; itself (below).
(setq-default eglot-workspace-configuration
              (plist-put (default-value 'eglot-workspace-configuration)
                         :sunting '(:language "auto" :fixAllEdits 1000000)))

(defun sunting--point (position cursor)
  "The buffer position of the LSP POSITION (a line and a UTF-16 column).
CURSOR, a cons (LINE . POINT) of a line start, is where the last conversion left off: moving
from it rather than from the buffer's start, and counting characters in C rather than UTF-16
units in Lisp (eglot's way, about 0.5 ms a position on a long line), converts the 772 positions of
a fix-all on a 280 KB article in milliseconds. A line with characters outside the BMP (two UTF-16
units each) is left to eglot's conversion."
  (save-excursion
    (goto-char (cdr cursor))
    (let ((line (plist-get position :line))
          (column (plist-get position :character)))
      (forward-line (- line (car cursor)))
      (setcar cursor line)
      (setcdr cursor (point))
      (let ((start (point)))
        (forward-char (min column (- (line-end-position) start)))
        (if (save-excursion (re-search-backward "[\U00010000-\U0010FFFF]" start t))
            (eglot--lsp-position-to-point position)
          (point))))))

(defun sunting--apply-edits (edits)
  "Apply the LSP TextEdits EDITS (a sequence, not overlapping) to this buffer as one change.
eglot applies each edit by diffing its region in a temporary buffer, which takes 0.2-0.5 s for
the 386 fixes of a 280 KB article (10 s as one edit); replaced last first, the whole is one
change for the undo list and for eglot's didChange, and takes a few milliseconds."
  (let* ((cursor (cons 0 (point-min)))
         (regions (mapcar (lambda (edit)
                            (let ((range (plist-get edit :range)))
                              (list (sunting--point (plist-get range :start) cursor)
                                    (sunting--point (plist-get range :end) cursor)
                                    (plist-get edit :newText))))
                          (reverse (append edits nil))))
         ;; Last first; `sort' is stable, so of two inserts at one place the later in EDITS
         ;; goes in first and ends up after the other, as LSP orders them.
         (regions (sort regions (lambda (a b) (> (car a) (car b))))))
    (when regions
      (let ((beg (apply #'min (mapcar #'car regions)))
            (end (apply #'max (mapcar #'cadr regions))))
        (save-excursion
          (combine-change-calls beg end
            (dolist (region regions)
              (goto-char (car region))
              (delete-region (car region) (cadr region))
              (insert (nth 2 region)))))))))

(defun sunting--buffer-edits (wedit)
  "The edits of the workspace edit WEDIT, when all are for this buffer at its version; else nil."
  (let ((uri (plist-get (eglot--TextDocumentIdentifier) :uri))
        (changes (plist-get wedit :changes))
        (document-changes (append (plist-get wedit :documentChanges) nil))
        (edits nil) (foreign nil))
    (while changes
      (if (equal (substring (symbol-name (car changes)) 1) uri)
          (setq edits (append edits (append (cadr changes) nil)))
        (setq foreign t))
      (setq changes (cddr changes)))
    (dolist (change document-changes)
      (let ((document (plist-get change :textDocument)))
        (if (and (equal (plist-get document :uri) uri)
                 (or (null (plist-get document :version))
                     (equal (plist-get document :version) eglot--versioned-identifier)))
            (setq edits (append edits (append (plist-get change :edits) nil)))
          (setq foreign t))))
    (and (not foreign) edits)))

(defun sunting-fix-all ()
  "Apply every safe sunting fix in this buffer."
  (interactive)
  (let* ((action (car (eglot-code-actions (point-min) (point-max) "source.fixAll.sunting")))
         (wedit (plist-get action :edit))
         (edits (and wedit (not (plist-get action :command)) (sunting--buffer-edits wedit))))
    (cond (edits (sunting--apply-edits edits))
          ;; Anything else (another file, another version, a command) goes eglot's way.
          (action (eglot-code-actions (point-min) (point-max) "source.fixAll.sunting" t))
          (t (message "sunting: nothing to fix")))))

(provide 'sunting)
;;; sunting.el ends here
