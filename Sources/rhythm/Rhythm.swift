import ArgumentParser
import RhythmCLI
import RhythmDaemon

/// The `rhythm` executable: everything it does lives in RhythmCLI, where it can be tested.
@main
enum Rhythm {
    static func main() async {
        // The service runs its tasks on its event loops, so that it sleeps when idle
        // (ServiceExecutor); the short-lived commands keep Swift's default executor.
        if RhythmCommand.startsService(CommandLine.arguments) {
            ServiceExecutor.install()
        }
        await RhythmCommand.main()
    }
}
