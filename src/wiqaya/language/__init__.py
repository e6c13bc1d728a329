"""Language tools shared by every stage: Arabic normalisation and language identification."""
