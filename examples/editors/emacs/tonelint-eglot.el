;;; tonelint-eglot.el --- tonelint in Emacs with eglot  -*- lexical-binding: t; -*-
;; Works with eglot 1.9+ (Debian's elpa-eglot; built into Emacs 29+).  Load it from your init
;; file: (load "/path/to/tonelint-eglot.el").  Needs `tonelint-language-server' on PATH
;; (npm install -g tonelint) or in the project's node_modules/.bin.

(require 'eglot)

(defun tonelint-eglot-contact (_interactive)
  "Prefer the project's own tonelint, else the one on PATH."
  (let* ((root (or (locate-dominating-file default-directory "node_modules") default-directory))
         (local (expand-file-name "node_modules/.bin/tonelint-language-server" root)))
    (list (if (file-executable-p local) local "tonelint-language-server") "--stdio")))

;; tonelint lints the LSP language ids "markdown" and "plaintext"; eglot would send "text"
;; for text-mode and "gfm" for gfm-mode, so name them explicitly.
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext"))
               . tonelint-eglot-contact))

;; Start tonelint whenever a memo is opened.
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'gfm-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (derived-mode-p 'markdown-mode 'text-mode) (eglot-ensure))))

;; Optional settings (the `tonelint' section); project .tonelintrc.* files win over these.
;; (setq-default eglot-workspace-configuration '(:tonelint (:debounceMs 150)))

;; Usage: diagnostics appear through Flymake (M-x flymake-show-buffer-diagnostics);
;; M-x eldoc or hovering shows the rule; M-x eglot-code-actions lists rewrites and
;; "Disable <rule> for this line / file".

(provide 'tonelint-eglot)
;;; tonelint-eglot.el ends here
