# `neuralscope --screenshot OUT --epochs N` must exit 0 and write a real PNG; a bad --epochs must
# be refused with status 2 and a message naming the option.
file(REMOVE ${OUT})
execute_process(COMMAND ${BINARY} --screenshot ${OUT} --epochs 50 --lang en
                RESULT_VARIABLE status TIMEOUT 120)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "screenshot mode exited with ${status}")
endif()
file(SIZE ${OUT} bytes)
file(READ ${OUT} signature LIMIT 8 HEX)
if(bytes LESS 20000 OR NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${OUT} is not a plausible PNG (${bytes} bytes, signature ${signature})")
endif()
execute_process(COMMAND ${BINARY} --screenshot ${OUT} --epochs -3
                RESULT_VARIABLE status ERROR_VARIABLE message TIMEOUT 60)
if(NOT status EQUAL 2 OR NOT message MATCHES "--epochs")
  message(FATAL_ERROR "bad --epochs: expected exit 2 naming --epochs, got ${status}: ${message}")
endif()
