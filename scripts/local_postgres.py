"""A real PostgreSQL server for scripts and tests: `initdb` into a temporary folder and `pg_ctl start` on a free loopback
port, as the unprivileged `postgres` user when run as root (Debian's postgresql package; $FACTCHECK_PG_BIN overrides
where its programs are)."""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile

from local_server import free_port


def binaries():
    folder = os.environ.get("FACTCHECK_PG_BIN")
    if folder:
        return folder
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[-3]))
    if not found:
        raise SystemExit("PostgreSQL's server is not installed: run scripts/install-deps.sh --test (Debian's postgresql)")
    return os.path.dirname(found[-1])


class Postgres:
    def __init__(self):
        self.bin = binaries()
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="factcheck-pg-")
        self.user = None
        if os.getuid() == 0:
            self.user = "postgres" if any(entry.pw_name == "postgres" for entry in pwd.getpwall()) else "nobody"
            shutil.chown(self.folder, self.user)
        self._run("initdb", "-D", self.data, "-U", "factcheck", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        self.start()

    @property
    def data(self):
        return os.path.join(self.folder, "data")

    def url(self, database="postgres"):
        return f"postgres://factcheck@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def start(self):
        self._run("pg_ctl", "-D", self.data, "-w", "-t", "30", "-l", os.path.join(self.folder, "log"), "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start")

    def stop(self):
        """Stops at once: open connections are cut, as when the server crashes."""
        self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)

    def sql(self, statement, database="postgres"):
        """The rows `statement` returns, as lists of strings."""
        output = subprocess.run([os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "factcheck", "-d", database,
                                 "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", statement], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in output.splitlines() if line]

    def create_database(self, name):
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program, *arguments, check=True):
        command = [os.path.join(self.bin, program), *arguments]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if check and result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}")
