;;; emacs-quickfix.el --- tonelint in Emacs (eglot) as a writer uses it  -*- lexical-binding: t; -*-
;; With the README's config (examples/editors/emacs/tonelint-eglot.el): open a memo in
;; markdown-mode, wait for tonelint's diagnostics through Flymake, ask for the documentation at
;; point, pick the first rewrite from `eglot-code-actions', and see the diagnostic go.
;; Inputs (environment): TONELINT_CONFIG (the example config), TONELINT_MEMO, TONELINT_RULE;
;; PATH must find tonelint-language-server.
;; Exits 0 on success, 1 with a reason on stderr.

(require 'package)
;; Debian's elpa-* packages (elpa-eglot) live here; `emacs -Q' does not read site-start.
(when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'eglot)
(require 'cl-lib)
(require 'seq)

(defvar tonelint-config (or (getenv "TONELINT_CONFIG") (error "TONELINT_CONFIG not set")))
(defvar tonelint-memo (or (getenv "TONELINT_MEMO") (error "TONELINT_MEMO not set")))
(defvar tonelint-rule (or (getenv "TONELINT_RULE") (error "TONELINT_RULE not set")))

(defun tonelint-say (format-string &rest args)
  (princ (concat "[emacs] " (apply #'format format-string args) "\n") #'external-debugging-output))

(defun tonelint-finish (ok reason)
  (tonelint-say "%s: %s" (if ok "PASS" "FAIL") reason)
  (unless ok
    (dolist (buffer (buffer-list))
      (when (string-match-p "EGLOT.*\\(events\\|stderr\\)" (buffer-name buffer))
        (with-current-buffer buffer
          (tonelint-say "--- %s (last 3000 chars) ---\n%s" (buffer-name buffer)
                        (buffer-substring-no-properties (max (point-min) (- (point-max) 3000)) (point-max)))))))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if ok 0 1)))

(defun tonelint-wait (predicate seconds)
  "Let timers and the server run until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) (result nil))
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline))
      ;; eglot sends buffer changes from an idle timer, and a batch Emacs is never idle: send
      ;; them as the timer would once the writer pauses.
      (when (and (eglot-current-server) eglot--recent-changes)
        (eglot--signal-textDocument/didChange))
      (accept-process-output nil 0.05))
    result))

(defun tonelint-rule-diagnostics ()
  ;; Flymake asks its backends again; eglot hands over what the server last published.
  (flymake-start)
  (accept-process-output nil 0.01)
  (seq-filter (lambda (diag)
                (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diag)))))
                  (equal (plist-get lsp :code) tonelint-rule)))
              (flymake-diagnostics)))

(define-derived-mode markdown-mode text-mode "Markdown"
  "Stand-in for markdown-mode (MELPA), which the example config hooks into.")
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
(load tonelint-config nil t)
(setq jsonrpc-default-request-timeout 30
      eglot-send-changes-idle-time 0.1
      eglot-sync-connect 30)

(condition-case err
    (progn
      (find-file tonelint-memo)
      ;; eglot-ensure connects after the next command; a batch Emacs runs no command loop.
      (run-hooks 'post-command-hook)
      (unless (tonelint-wait (lambda () (eglot-current-server)) 30)
        (tonelint-finish nil "eglot did not connect"))
      (unless (tonelint-wait #'tonelint-rule-diagnostics 30)
        (tonelint-finish nil (format "no %s diagnostic within 30 s; flymake has: %S" tonelint-rule
                                     (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))))
      (let* ((diag (car (tonelint-rule-diagnostics)))
             (beg (flymake-diagnostic-beg diag))
             (end (flymake-diagnostic-end diag))
             (line (line-number-at-pos beg))
             (chosen nil))
        (tonelint-say "diagnostic at line %d: %s" line (flymake-diagnostic-text diag))
        (goto-char beg)
        (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                      (eglot--TextDocumentPositionParams))))
          (unless (string-match-p (regexp-quote tonelint-rule) (format "%S" hover))
            (tonelint-finish nil (format "hover does not explain the rule: %S" hover)))
          (tonelint-say "hover received (%d chars)" (length (format "%S" hover))))
        ;; The writer opens the code action menu and picks the first rewrite.
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (tonelint-say "code actions: %s" (mapconcat #'car collection " | "))
                     (setq chosen (car (seq-find (lambda (item) (string-prefix-p "Replace" (car item))) collection)))
                     (or chosen (tonelint-finish nil "no \"Replace ...\" code action offered")))))
          (let ((last-nonmenu-event 13))
            (eglot-code-actions beg end nil t)))
        (let ((rewrite (replace-regexp-in-string "…\\'" "" (progn (string-match "with “\\(.*\\)”\\'" chosen) (match-string 1 chosen)))))
          (unless (tonelint-wait (lambda () (save-excursion
                                              (goto-char (point-min)) (forward-line (1- line))
                                              (search-forward rewrite (line-end-position) t)))
                                 30)
            (tonelint-finish nil (format "the buffer does not show the rewrite %S" rewrite)))
          (tonelint-say "applied: %s" (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                                      (buffer-substring-no-properties (point) (line-end-position)))))
        (unless (tonelint-wait (lambda () (null (tonelint-rule-diagnostics))) 30)
          (tonelint-finish nil (format "the %s diagnostic is still there after the fix" tonelint-rule)))
        (tonelint-finish t "diagnostic received, hover shown, quick fix applied, diagnostic gone")))
  (error (tonelint-finish nil (format "error: %S" err))))
