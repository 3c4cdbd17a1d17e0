#!/bin/sh
# The exe_wrapper of `meson test --setup=valgrind` (tests/meson.build):
#
#   valgrind-run.sh VALGRIND [OPTION...] -- TEST [ARG...]
#
# runs TEST under valgrind's memcheck, except:
# - the programs that drive lgma in a pseudo-terminal (tests/e2e/test-*,
#   tty-replay): what they check is timing and the terminal, which valgrind
#   would change; the lgma they start runs under valgrind anyway, through
#   the driver's LGMA_E2E_WRAPPER;
# - test-load-limits, which loads content at every limit: five minutes
#   under memcheck, and the sanitizer run checks the same code;
# - the CLI tests, shell scripts (memcheck would check the shell);
# - test-budgets, which counts lgma's bytes and write() calls: valgrind's
#   own log writes would count, so its lgma runs without the wrapper.
# Those run as they are. (Words of VALGRIND and its options must not hold
# blanks.)
vg=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	vg="$vg $1"
	shift
done
shift
case "$1" in
*/tests/e2e/test-budgets)
	LGMA_E2E_WRAPPER= exec "$@" ;;
*/tests/e2e/test-* | */tty-replay | */test-load-limits | *.sh)
	exec "$@" ;;
esac
exec $vg "$@"
