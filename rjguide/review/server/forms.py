"""What a reviewer types: the sign-in form, by email address."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Django's own sign-in, with the email address as the account name."""

    username = forms.EmailField(label="Email address", max_length=254,
                                widget=forms.EmailInput(attrs={"autocomplete": "email",
                                                               "autofocus": True}))

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()
