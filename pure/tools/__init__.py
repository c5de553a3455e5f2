"""The tools around the lessons: the command line, the CSV reader, the plots, the side-by-side view.

Standard library only, so ``python -m pure`` runs with nothing installed. The lessons themselves
are the files one folder up; nothing here is needed to read or run them.
"""
