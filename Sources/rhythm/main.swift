import RhythmCLI

RhythmCommand.main()
