#!/usr/bin/env bash
# Builds Rhythm and installs it as a systemd service on Debian 12.
#
#   sudo deploy/install.sh              build, install, create the rhythm user, reload systemd
#   deploy/install.sh --no-build        install what `swift build -c release` left in .build
#                                       (build as yourself first, then install with sudo)
#   DESTDIR=/tmp/stage deploy/install.sh
#                                       install into a staging tree, touching nothing else
#
# What goes where (PREFIX is /usr/local unless set):
#   PREFIX/lib/rhythm/rhythm             the executable, and beside it the resource bundles
#   PREFIX/lib/rhythm/*.resources        (the built-in agenda templates, the OpenAPI file)
#   PREFIX/bin/rhythm                    a symlink to it
#   PREFIX/lib/systemd/system/rhythm.service, PREFIX/lib/sysusers.d/rhythm.conf,
#   PREFIX/lib/tmpfiles.d/rhythm.conf    (in /etc/... when PREFIX is not /usr/local or /usr,
#                                        because systemd looks only there)
#   /etc/rhythm/rhythm.yaml, /etc/rhythm/templates/
#                                        the example configuration and templates, only where
#                                        you have not edited them: an edited file is kept and
#                                        the new example goes beside it as FILE.example
#   PREFIX/share/rhythm/examples/        the examples as shipped, to compare with yours
#   PREFIX/share/doc/rhythm/             README.md and the nginx example
#
# Safe to run again: that is how Rhythm is upgraded. Database migrations run when the
# service starts.
set -euo pipefail

cd "$(dirname "$0")/.."

build=1
for argument in "$@"; do
    case "$argument" in
        --no-build) build=0 ;;
        -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "usage: $0 [--no-build]   (environment: DESTDIR=, PREFIX=)" >&2; exit 64 ;;
    esac
done

DESTDIR="${DESTDIR:-}"
DESTDIR="${DESTDIR%/}"
PREFIX="${PREFIX:-/usr/local}"
PREFIX="${PREFIX%/}"
case "$PREFIX" in
    /*) ;;
    *) echo "error: PREFIX must be an absolute path, not '$PREFIX'." >&2; exit 64 ;;
esac

if [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
    echo "error: installing into the system needs root: run 'sudo $0', or set DESTDIR= to stage the files." >&2
    exit 77
fi

libexec="$PREFIX/lib/rhythm"
# systemd reads units, sysusers.d and tmpfiles.d from /usr/local/lib and /usr/lib, and from /etc.
case "$PREFIX" in
    /usr/local | /usr) systemd_lib="$PREFIX/lib" unit_dir="$PREFIX/lib/systemd/system" ;;
    *) systemd_lib="/etc" unit_dir="/etc/systemd/system" ;;
esac
examples="$PREFIX/share/rhythm/examples"
docs="$PREFIX/share/doc/rhythm"
config_dir="/etc/rhythm"

say() { echo "install.sh: $*"; }

# ---- Build --------------------------------------------------------------------------
# --static-swift-stdlib links the Swift runtime and Foundation into the executable, so the
# service needs only Debian's libraries (libsqlite3, libcurl, zlib) and keeps working when
# the toolchain is upgraded or removed.
build_flags=(-c release --product rhythm --static-swift-stdlib)
if [ "$build" -eq 1 ]; then
    if ! command -v swift >/dev/null; then
        echo "error: the Swift toolchain is not on PATH; install Swift 6.3 first, or build elsewhere and use --no-build." >&2
        exit 69
    fi
    say "building: swift build ${build_flags[*]}"
    swift build "${build_flags[@]}"
fi
bin_path="$(swift build "${build_flags[@]}" --show-bin-path 2>/dev/null || echo .build/release)"
if [ ! -x "$bin_path/rhythm" ]; then
    echo "error: $bin_path/rhythm does not exist; build it with 'swift build ${build_flags[*]}'." >&2
    exit 66
fi

# ---- Executable and resource bundles ------------------------------------------------
# The executable finds its resource bundles (the built-in agenda templates among them) in
# its own directory, after resolving symlinks (Foundation reads /proc/self/exe), so they
# live together in PREFIX/lib/rhythm and PREFIX/bin/rhythm is only a symlink.
install -d -m 0755 "$DESTDIR$libexec" "$DESTDIR$PREFIX/bin"
install -m 0755 "$bin_path/rhythm" "$DESTDIR$libexec/rhythm.new"
mv -f "$DESTDIR$libexec/rhythm.new" "$DESTDIR$libexec/rhythm"
say "installed $libexec/rhythm"
bundles=0
for bundle in "$bin_path"/*.resources; do
    [ -d "$bundle" ] || continue
    name="$(basename "$bundle")"
    case "$name" in *Tests.resources) continue ;; esac
    # Replace the whole bundle, so a template removed upstream does not linger.
    rm -rf "$DESTDIR${libexec:?}/${name:?}.new"
    cp -R "$bundle" "$DESTDIR$libexec/$name.new"
    chmod -R u=rwX,go=rX "$DESTDIR$libexec/$name.new"
    rm -rf "$DESTDIR${libexec:?}/${name:?}"
    mv "$DESTDIR$libexec/$name.new" "$DESTDIR$libexec/$name"
    say "installed $libexec/$name"
    bundles=$((bundles + 1))
done
if [ ! -d "$DESTDIR$libexec/Rhythm_RhythmAgenda.resources" ]; then
    echo "error: $bin_path has no Rhythm_RhythmAgenda.resources (the built-in agenda templates)." >&2
    exit 66
fi
ln -sfn "../lib/rhythm/rhythm" "$DESTDIR$PREFIX/bin/rhythm"
say "linked $PREFIX/bin/rhythm -> ../lib/rhythm/rhythm"

# ---- systemd unit, user and directories ---------------------------------------------
install -d -m 0755 "$DESTDIR$unit_dir" "$DESTDIR$systemd_lib/sysusers.d" "$DESTDIR$systemd_lib/tmpfiles.d"
sed -e "s|/usr/local/bin/rhythm|$PREFIX/bin/rhythm|g" \
    -e "s|/usr/local/share/doc/rhythm|$docs|g" \
    deploy/rhythm.service >"$DESTDIR$unit_dir/rhythm.service.new"
chmod 0644 "$DESTDIR$unit_dir/rhythm.service.new"
mv -f "$DESTDIR$unit_dir/rhythm.service.new" "$DESTDIR$unit_dir/rhythm.service"
install -m 0644 deploy/sysusers.d/rhythm.conf "$DESTDIR$systemd_lib/sysusers.d/rhythm.conf"
install -m 0644 deploy/tmpfiles.d/rhythm.conf "$DESTDIR$systemd_lib/tmpfiles.d/rhythm.conf"
say "installed $unit_dir/rhythm.service, $systemd_lib/sysusers.d/rhythm.conf, $systemd_lib/tmpfiles.d/rhythm.conf"

# ---- Configuration, without overwriting edits ---------------------------------------
# Like Debian's conffiles: a file still as the last install left it is replaced by the new
# example; a file you edited is kept, and the new example is written beside it.
install_config() { # SOURCE RELATIVE-PATH
    local source="$1" relative="$2"
    local target="$DESTDIR$config_dir/$relative" shipped="$DESTDIR$examples/$relative"
    install -d -m 0750 "$(dirname "$target")"
    if [ ! -e "$target" ]; then
        install -m 0640 "$source" "$target"
        say "installed $config_dir/$relative"
    elif cmp -s "$source" "$target"; then
        :
    elif [ -e "$shipped" ] && cmp -s "$shipped" "$target"; then
        install -m 0640 "$source" "$target.new"
        mv -f "$target.new" "$target"
        say "updated $config_dir/$relative (you had not changed it)"
    else
        install -m 0640 "$source" "$target.example"
        say "kept your $config_dir/$relative; the new example is $config_dir/$relative.example"
    fi
}
install_config config/rhythm.yaml rhythm.yaml
for template in config/templates/*; do
    [ -f "$template" ] || continue
    install_config "$template" "templates/$(basename "$template")"
done
# Remember what was shipped, for the comparison above next time.
install -d -m 0755 "$DESTDIR$examples/templates"
install -m 0644 config/rhythm.yaml "$DESTDIR$examples/rhythm.yaml"
install -m 0644 config/templates/* "$DESTDIR$examples/templates/"
install -d -m 0755 "$DESTDIR$docs"
install -m 0644 README.md "$DESTDIR$docs/README.md"
install -m 0644 deploy/nginx/rhythm.conf "$DESTDIR$docs/nginx-rhythm.conf"
say "installed $examples/ and $docs/"

# ---- Activate -----------------------------------------------------------------------
if [ -n "$DESTDIR" ]; then
    say "DESTDIR is set: staged everything in $DESTDIR; did not create the user or reload systemd."
    exit 0
fi
for package in tzdata ca-certificates; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || say "warning: the Debian package $package is not installed; Rhythm needs it (apt-get install $package)."
done
if [ ! -d /run/systemd/system ]; then
    say "systemd is not running here: skipped systemd-sysusers, systemd-tmpfiles and daemon-reload. When it runs:"
    say "  systemd-sysusers && systemd-tmpfiles --create $systemd_lib/tmpfiles.d/rhythm.conf && systemctl daemon-reload"
    exit 0
fi
systemd-sysusers "$systemd_lib/sysusers.d/rhythm.conf"
systemd-tmpfiles --create "$systemd_lib/tmpfiles.d/rhythm.conf"
systemctl daemon-reload
say "created the rhythm user and /var/lib/rhythm, reloaded systemd."
if systemctl is-active --quiet rhythm.service; then
    say "Rhythm is running the previous version: 'systemctl restart rhythm' starts this one (migrations run at start-up)."
else
    say "next: edit $config_dir/rhythm.yaml, 'rhythm check', then 'systemctl enable --now rhythm'."
fi
