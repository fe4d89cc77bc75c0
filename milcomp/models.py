"""MILCOMP: competitions, teams, raw results, protests."""
