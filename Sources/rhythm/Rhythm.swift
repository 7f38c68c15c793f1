import ArgumentParser
import RhythmCLI

/// The `rhythm` executable: everything it does lives in RhythmCLI, where it can be tested.
@main
enum Rhythm {
    static func main() async {
        await RhythmCommand.main()
    }
}
