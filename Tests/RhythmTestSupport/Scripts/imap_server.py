"""A throwaway Dovecot IMAP server on loopback, for the tests of Rhythm's inbound mailbox.

Usage:
  imap_server.py serve DIR USER PASSWORD
      Writes a certificate, a password file and a configuration into DIR, runs Debian's
      Dovecot in the foreground on two free loopback ports (IMAPS, and IMAP with STARTTLS),
      and once both accept connections writes {"imaps": port, "imap": port} to DIR/ports.json.
      SIGTERM stops Dovecot and this script; Dovecot also dies with this script.
  imap_server.py deliver DIR FILE [FOLDER]
      Appends the message in FILE to FOLDER (INBOX by default) with no flags, as a mail
      delivery would (curl's APPEND would mark it seen), and prints its UID.
  imap_server.py inspect DIR
      Prints every folder with its messages as JSON: {folder: [{"uid", "flags", "subject"}]}.
  imap_server.py renumber DIR UIDVALIDITY
      Gives INBOX a new UIDVALIDITY, as a server does after its index was rebuilt.

Runs as root (Dovecot's own users, as Debian's package creates them) or as any other user
(everything runs as that user).
"""

import email
import imaplib
import json
import os
import pwd
import signal
import socket
import ssl
import subprocess
import sys
import time

CONFIG = """\
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
instance_name = rhythm-test-{instance}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{dir}/cert.pem
ssl_key = <{dir}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = 0
first_valid_gid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={mail_group} home={dir}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
  }}
}}
service anvil {{
  chroot =
}}
"""


def read_settings(directory):
    with open(os.path.join(directory, "settings.json")) as f:
        return json.load(f)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            return True
    except OSError:
        return False


def unblock_signals():
    # A test runner's threads may block signals, and a child inherits the mask: SIGTERM
    # would then never arrive.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def die_with_parent():
    import ctypes

    unblock_signals()
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def users():
    if os.geteuid() == 0:
        dovecot = pwd.getpwnam("dovecot")
        return {
            "login_user": "dovenull",
            "internal_user": "dovecot",
            "internal_group": "dovecot",
            "mail_user": "dovecot",
            "mail_group": "dovecot",
            "uid": dovecot.pw_uid,
            "gid": dovecot.pw_gid,
        }
    me = pwd.getpwuid(os.geteuid())
    group = me.pw_name
    try:
        import grp

        group = grp.getgrgid(os.getegid()).gr_name
    except KeyError:
        pass
    return {
        "login_user": me.pw_name,
        "internal_user": me.pw_name,
        "internal_group": group,
        "mail_user": me.pw_name,
        "mail_group": group,
        "uid": me.pw_uid,
        "gid": me.pw_gid,
    }


def serve(directory, user, password):
    unblock_signals()
    for sub in ("run", "state", "home"):
        os.makedirs(os.path.join(directory, sub), exist_ok=True)
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", os.path.join(directory, "key.pem"), "-out", os.path.join(directory, "cert.pem"),
            "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with open(os.path.join(directory, "passwd"), "w") as f:
        f.write(f"{user}:{{PLAIN}}{password}\n")
    who = users()
    home = os.path.join(directory, "home", user)
    os.makedirs(home, exist_ok=True)
    os.chown(home, who["uid"], who["gid"])
    os.chmod(directory, 0o755)
    with open(os.path.join(directory, "settings.json"), "w") as f:
        json.dump({"user": user, "password": password}, f)

    dovecot = None
    for _ in range(5):
        imaps, imap = free_port(), free_port()
        config = os.path.join(directory, "dovecot.conf")
        with open(config, "w") as f:
            f.write(CONFIG.format(dir=directory, instance=os.getpid(), imap=imap, imaps=imaps, **who))
        dovecot = subprocess.Popen(["dovecot", "-F", "-c", config], preexec_fn=die_with_parent)
        deadline = time.time() + 60
        while time.time() < deadline and dovecot.poll() is None:
            if accepts(imaps) and accepts(imap):
                break
            time.sleep(0.05)
        if dovecot.poll() is None and accepts(imaps):
            break
        if dovecot.poll() is None:
            dovecot.kill()
        dovecot = None
    if dovecot is None:
        sys.exit("dovecot did not start; see " + os.path.join(directory, "dovecot.log"))

    signal.signal(signal.SIGTERM, lambda *_: dovecot.terminate())
    with open(os.path.join(directory, "ports.json.tmp"), "w") as f:
        json.dump({"imaps": imaps, "imap": imap}, f)
    os.rename(os.path.join(directory, "ports.json.tmp"), os.path.join(directory, "ports.json"))
    dovecot.wait()


def connect(directory):
    settings = read_settings(directory)
    with open(os.path.join(directory, "ports.json")) as f:
        ports = json.load(f)
    context = ssl.create_default_context(cafile=os.path.join(directory, "cert.pem"))
    client = imaplib.IMAP4_SSL("127.0.0.1", ports["imaps"], ssl_context=context, timeout=10)
    client.login(settings["user"], settings["password"])
    return client


def deliver(directory, path, folder="INBOX"):
    with open(path, "rb") as f:
        message = f.read()
    client = connect(directory)
    typ, data = client.append(folder, "()", None, message)
    if typ != "OK":
        sys.exit(f"APPEND failed: {data}")
    # [APPENDUID <uidvalidity> <uid>]
    text = data[0].decode()
    print(text.split("APPENDUID", 1)[1].split("]")[0].split()[1])
    client.logout()


def inspect(directory):
    client = connect(directory)
    typ, folders = client.list()
    result = {}
    for line in folders:
        name = line.decode().rsplit(' "/" ', 1)[1].strip().strip('"')
        typ, _ = client.select(f'"{name}"', readonly=True)
        if typ != "OK":
            continue
        typ, data = client.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        messages = []
        for item in data:
            if not isinstance(item, tuple):
                continue
            meta = item[0].decode()
            uid = int(meta.split("UID ", 1)[1].split()[0].rstrip(")"))
            flags = meta.split("FLAGS (", 1)[1].split(")")[0].split()
            subject = str(email.message_from_bytes(item[1]).get("Subject", ""))
            messages.append({"uid": uid, "flags": flags, "subject": subject})
        result[name] = messages
    client.logout()
    print(json.dumps(result, sort_keys=True))


def renumber(directory, uid_validity):
    settings = read_settings(directory)
    subprocess.run(
        [
            "doveadm", "-c", os.path.join(directory, "dovecot.conf"), "mailbox", "update",
            "--uid-validity", uid_validity, "-u", settings["user"], "INBOX",
        ],
        check=True,
    )


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"serve": serve, "deliver": deliver, "inspect": inspect, "renumber": renumber}[command](*arguments)
