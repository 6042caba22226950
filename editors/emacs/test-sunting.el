;;; test-sunting.el --- batch test of sunting.el with eglot  -*- lexical-binding: t; -*-
;;
;;   SUNTING_BIN=/path/to/sunting emacs --batch -l editors/emacs/test-sunting.el
;;
;; Opens a Markdown article and a text note, waits for eglot's flymake diagnostics from the
;; real `sunting lsp`, checks their codes, runs `sunting-fix-all', and prints
;; "N passed, N failed"; exits 1 on any failure.

(require 'cl-lib)
(setq package-load-list '(all))
(package-initialize)
(require 'markdown-mode nil t)

(defvar sunting-test-passed 0)
(defvar sunting-test-failed 0)
(defun sunting-test-check (ok what)
  (if ok (cl-incf sunting-test-passed) (cl-incf sunting-test-failed))
  (princ (format "%s - %s\n" (if ok "ok" "not ok") what)))

(let* ((here (file-name-directory (or load-file-name buffer-file-name)))
       (bin (or (getenv "SUNTING_BIN") (executable-find "sunting"))))
  (setq exec-path (cons (file-name-directory bin) exec-path))
  (setenv "PATH" (concat (file-name-directory bin) path-separator (getenv "PATH")))
  (load (expand-file-name "sunting.el" here) nil t)
  (setq eglot-sync-connect t)
  (setq-default eglot-workspace-configuration '(:sunting (:debounceMs 0 :enabledCategories ["typography"])))
  (princ (format "# %s, eglot %s, server %s\n" (car (split-string (emacs-version) "\n"))
                 (let ((d (cadr (assq 'eglot package-alist)))) (if d (package-version-join (package-desc-version d)) "built in")) bin))

  (defun sunting-test-wait (pred seconds)
    (let ((end (+ (float-time) seconds)) ok)
      ;; Batch Emacs is never idle, so eglot's and flymake's idle timers do not fire: send the
      ;; buffer's changes and start flymake here, as they would.
      (while (and (not (setq ok (funcall pred))) (< (float-time) end))
        (run-hooks 'post-command-hook)
        (when (eglot-current-server)
          (eglot--signal-textDocument/didChange)
          (when flymake-mode (flymake-start)))
        (accept-process-output nil 0.05))
      ok))

  (defun sunting-test-codes ()
    (mapconcat #'identity
               (mapcar (lambda (d)
                         (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
                           (format "%s" (plist-get lsp :code))))
                       (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
               ","))

  (let* ((root (make-temp-file "sunting-emacs" t))
         (md (expand-file-name "desk/berita.md" root))
         (txt (expand-file-name "desk/catatan.txt" root)))
    (copy-directory (expand-file-name "../neovim/tests/fixtures/news/" here) (file-name-as-directory root) nil nil t)
    (unwind-protect
        (condition-case err
            (progn
              (sunting-test-check (featurep 'markdown-mode) "markdown-mode is installed")
              (find-file md)
              (sunting-test-check (eq major-mode 'markdown-mode) (format "the article is in %s" major-mode))
              (run-hooks 'post-command-hook)
              (sunting-test-check (sunting-test-wait (lambda () (eglot-current-server)) 20) "eglot started sunting")
              (sunting-test-check (sunting-test-wait (lambda () (>= (length (flymake-diagnostics)) 2)) 20)
                                  "diagnostics arrive")
              (sunting-test-check (equal (sunting-test-codes) "typography/space-before-punctuation,typography/doubled-punctuation")
                                  (format "expected codes: %s" (sunting-test-codes)))
              (sunting-fix-all)
              (let ((want "Warga berteriak “Berhenti!” lalu pergi."))
                (sunting-test-check
                 (sunting-test-wait (lambda () (save-excursion (goto-char (point-min)) (search-forward want nil t))) 10)
                 (format "sunting-fix-all applied the safe fixes: %S"
                         (save-excursion (goto-char (point-min)) (forward-line 2)
                                         (buffer-substring-no-properties (point) (line-end-position))))))
              (sunting-test-check (sunting-test-wait (lambda () (null (flymake-diagnostics))) 20)
                                  (format "and the findings are gone: %s" (sunting-test-codes)))
              ;; Many fixes in one buffer, multi-byte text around them: `sunting-fix-all' applies
              ;; them as one change, and the buffer ends as `sunting fix' leaves a copy.
              (let* ((long (expand-file-name "desk/panjang.md" root))
                     (copy (expand-file-name "salinan.md" root))
                     (lines (cl-loop for i from 1 to 60
                                     collect (format "Warga ke-%d berteriak “Berhenti !!” lalu pergi , kata pak Ketua%s .\n\n"
                                                     i (make-string (% i 3) ?é)))))
                (with-temp-file long (apply #'insert lines))
                (copy-file long copy)
                (call-process bin nil nil nil "fix" "--select" "typography" copy)
                (find-file long)
                (run-hooks 'post-command-hook)
                (sunting-test-wait (lambda () (>= (length (flymake-diagnostics)) 100)) 20)
                (sunting-fix-all)
                (sunting-test-check
                 (equal (buffer-substring-no-properties (point-min) (point-max))
                        (with-temp-buffer (insert-file-contents copy) (buffer-string)))
                 "sunting-fix-all on 60 paragraphs leaves the text `sunting fix' makes")
                (set-buffer-modified-p nil))
              (find-file txt)
              (sunting-test-check (eq major-mode 'text-mode) "the note is in text-mode")
              (run-hooks 'post-command-hook)
              (sunting-test-check (sunting-test-wait (lambda () (>= (length (flymake-diagnostics)) 1)) 20)
                                  (format "diagnostics for the text file: %s" (sunting-test-codes))))
          (error (sunting-test-check nil (format "no error: %S" err))))
      (ignore-errors (eglot-shutdown-all))
      (set-buffer-modified-p nil)
      (delete-directory root t)))
  (princ (format "%d passed, %d failed\n" sunting-test-passed sunting-test-failed))
  (kill-emacs (if (> sunting-test-failed 0) 1 0)))
