import ArgumentParser
import RhythmCLI

RhythmCommand.main()
