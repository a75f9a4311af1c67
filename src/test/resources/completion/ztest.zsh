#!/usr/bin/env zsh
# Drives a real interactive zsh in a pseudo-terminal: for each line, types it and TAB, and logs
# every match the completion system adds (compadd -O), then a marker once the line is done.
# usage: zsh ztest.zsh FPATH_DIR LOG "line" ...
zmodload zsh/zpty
dir=$1; log=$2; shift 2
zpty z zsh -f -i
zpty -w z "PS1='%% '; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D; unsetopt beep"
zpty -w z "compadd() { local -a __m; builtin compadd -O __m \"\$@\"; print -rl -- \$__m >> $log; builtin compadd \"\$@\"; }"
# wait until the shell has read its set-up, so the first TAB is not lost
zpty -w z "print -r -- '=== ready' >> $log"
for i in {1..100}; do
  grep -q "^=== ready\$" $log 2>/dev/null && break
  sleep 0.1
done
n=0
for line in "$@"; do
  n=$((n + 1))
  print -r -- "=== $line" >> $log
  zpty -w -n z "$line"$'\t'
  zpty -w -n z $'\C-e\C-u'
  zpty -w z "print -r -- '=== end $n' >> $log"
  for i in {1..100}; do
    grep -q "^=== end $n\$" $log 2>/dev/null && break
    sleep 0.1
  done
done
zpty -d z
