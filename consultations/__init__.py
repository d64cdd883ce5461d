"""Consultation requests from patients: form, clinic notification, admin, retention.

Holds personal data, kept apart from the public content so its permissions and
retention are easy to see. Not for anything a patient reads.
"""
