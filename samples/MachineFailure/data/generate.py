"""Generates sensors.csv: a small synthetic data set for the Repro.Build sample.

Each row is one hour of a machine's sensor readings; `Failed` says whether the machine failed in the next hour.
Failures grow likelier with heat, vibration and age. Seeded, so it regenerates byte for byte:
    python3 generate.py > sensors.csv
"""
import math
import random

rng = random.Random(7)
print("Temperature,Vibration,Pressure,AgeYears,Failed")
for _ in range(400):
    temperature = rng.gauss(70, 12)
    vibration = max(0.0, rng.gauss(3, 1.2))
    pressure = rng.gauss(100, 15)
    age = rng.uniform(0, 20)
    score = 0.09 * (temperature - 70) + 0.9 * (vibration - 3) + 0.12 * (age - 10) - 0.01 * (pressure - 100)
    failed = rng.random() < 1 / (1 + math.exp(-score))
    print(f"{temperature:.1f},{vibration:.2f},{pressure:.1f},{age:.1f},{str(failed).lower()}")
