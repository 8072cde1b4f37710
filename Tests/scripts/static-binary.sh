#!/usr/bin/env bash
# Builds `muster` as one fully static executable (the Swift runtime, libyaml and the C library linked in: Debian's
# libyaml-dev ships libyaml.a, libc6-dev libc.a), checks that nothing is left for the dynamic loader, and runs it
# copied alone into an empty directory, without the toolchain on the library path, the way an ops host with no
# toolchain and no libyaml runs it. The build goes to .build-static (ignored by git) so that the ordinary
# .build is untouched. The linker's warning that dlopen in a static program needs the same glibc at run time is
# about an optional feature of the Swift runtime; Muster itself calls no name-service function (getpwnam,
# getaddrinfo) that would. Usage: Tests/scripts/static-binary.sh; prints the binary's path and size last.
set -euo pipefail
cd "$(dirname "$0")/../.."
repository=$(pwd)
scratch=.build-static
build=(swift build -c release --product muster --scratch-path "$scratch" --static-swift-stdlib
       -Xswiftc -static-executable)

"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/muster"

# ldd fails (status 1) on a static executable and says so.
linkage=$(ldd "$binary" 2>&1 || true)
if ! grep -q "not a dynamic executable" <<<"$linkage"; then
    echo "static-binary: $binary still loads shared libraries:" >&2
    echo "$linkage" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/muster"
cd "$work"
# A bare environment: no LD_LIBRARY_PATH, no MUSTER_* settings from the caller.
alone=(env -i "PATH=/usr/bin:/bin" "HOME=$work")
"${alone[@]}" ./muster check --strict "$repository/Playbooks"
"${alone[@]}" ./muster drill run water-leak-on-time --playbooks "$repository/Playbooks"
# A notifier is started as a child process (posix_spawnp from the static C library) and reads its page on stdin.
printf '#!/bin/sh\ncat > delivered\n' > notify.sh
chmod +x notify.sh
"${alone[@]}" ./muster notify --test alice --notify-command ./notify.sh
grep -q '"to":{"id":"alice"}' delivered
rm notify.sh delivered
if [ "$(ls "$work" | sort | tr '\n' ' ')" != "muster runs " ]; then
    echo "static-binary: the drill left something unexpected beside the binary: $(ls "$work")" >&2
    exit 1
fi

size=$(stat -c %s "$binary")
echo "static-binary: $binary is one static executable of $((size / 1024 / 1024)) MiB ($size bytes); copy it alone"
