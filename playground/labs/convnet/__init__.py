"""The vision lab: a convolutional network on images, its filters and feature maps live."""
